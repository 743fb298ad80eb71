using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>SAVE, BGSAVE, LASTSAVE, ROLE and WAIT (exact replies are also compared with Redis in server.redis).</summary>
public class PersistenceCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Saves_succeed_and_the_last_save_is_now()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await client.CommandAsync("SAVE"));
        Assert.Equal("+Background saving started\r\n", await client.CommandAsync("BGSAVE"));
        Assert.Equal("+Background saving started\r\n", await client.CommandAsync("bgsave", "schedule"));
        long lastSave = (long)RespReply.Parse(await client.CommandAsync("LASTSAVE"))!;
        Assert.InRange(lastSave, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal("*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n", await client.CommandAsync("ROLE"));
    }

    [Fact]
    public async Task Wait_for_a_replica_blocks_until_its_timeout_or_client_unblock()
    {
        using var control = await fixture.RawAsync();
        using var waiting = await fixture.RawAsync();
        var id = (await waiting.CommandAsync("CLIENT", "ID")).Trim(':', '\r', '\n');
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(":0\r\n", await waiting.CommandAsync("WAIT", "1", "150"));
        Assert.InRange(started.ElapsedMilliseconds, 140, 5000);

        waiting.Send(RawRespClient.Command("WAIT", "3", "0"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await control.CommandAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b ") && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(":1\r\n", await control.CommandAsync("CLIENT", "UNBLOCK", id));
        Assert.Equal(":0\r\n", await waiting.ReadReplyAsync(Wait));

        waiting.Send(RawRespClient.Command("WAIT", "1", "0"));
        while (!(await control.CommandAsync("CLIENT", "LIST", "ID", id)).Contains("flags=b ") && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(":1\r\n", await control.CommandAsync("CLIENT", "UNBLOCK", id, "ERROR"));
        Assert.Equal("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", await waiting.ReadReplyAsync(Wait));
        Assert.Equal("+PONG\r\n", await waiting.CommandAsync("PING"));
    }
}
