using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Durability;

/// <summary>A proxy killed with SIGKILL in the middle of a stream of SETs loses no acknowledged write.</summary>
public class KillDuringWritesTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public KillDuringWritesTests(ProxyFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Every_acknowledged_set_is_readable_after_kill_and_restart()
    {
        var proxy = await ProxyProcess.StartAsync(_fixture.Database);
        var prefix = ProxyFixture.Key("kill");
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();

        async Task Writer(int writer)
        {
            using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                int n = writer * 1_000_000 + i;
                string reply;
                try { reply = await client.CommandAsync("SET", $"{prefix}:{n}", $"value-{n}"); }
                catch (Exception) { return; }
                if (reply != "+OK\r\n") return;
                acknowledged.Add(n);
            }
        }

        var writers = Enumerable.Range(0, 8).Select(Writer).ToArray();
        while (acknowledged.Count < 300) await Task.Delay(20);
        proxy.Kill();
        stop.Cancel();
        await Task.WhenAll(writers);
        Assert.True(acknowledged.Count >= 300);

        await using var restarted = await ProxyProcess.StartAsync(_fixture.Database);
        using var reader = await RawRespClient.ConnectAuthenticatedAsync(restarted.Port, ProxyFixture.UserA, ProxyFixture.Password);
        foreach (var n in acknowledged)
        {
            var value = $"value-{n}";
            Assert.Equal($"${value.Length}\r\n{value}\r\n", await reader.CommandAsync("GET", $"{prefix}:{n}"));
        }
        await proxy.DisposeAsync();
    }
}
