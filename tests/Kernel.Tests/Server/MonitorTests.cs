using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>MONITOR shows the commands of the monitor's own tenant, in Redis's line format, and nothing else.</summary>
public sealed class MonitorTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task A_monitor_sees_its_tenants_commands_quoted_as_redis_quotes_them_and_no_other_tenants()
    {
        var k = ProxyFixture.Key();
        using var monitor = await fixture.RawAsync();
        using var client = await fixture.RawAsync();
        using var other = await fixture.RawAsync(ProxyFixture.UserB);
        Assert.Equal("+OK\r\n", await monitor.CommandAsync("MONITOR"));

        await other.CommandAsync("SET", k, "tenant B");
        await client.CommandAsync(RespText.Args("SET", k, new byte[] { (byte)'a', 0, (byte)'"', (byte)'\n', 0xff }));
        await client.CommandAsync("CONFIG", "GET", "maxclients");
        await client.CommandAsync("GET", k);

        var first = await monitor.ReadReplyAsync();
        var second = await monitor.ReadReplyAsync();
        Assert.Matches(@"^\+\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] ""SET"" """ + k + @""" ""a\\x00\\""\\n\\xff""\r\n$", first);
        Assert.EndsWith($"\"GET\" \"{k}\"\r\n", second);
        Assert.Empty(await monitor.ReadAvailableAsync(TimeSpan.FromMilliseconds(200)));

        Assert.Equal("+RESET\r\n", await monitor.CommandAsync("RESET"));
        await monitor.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password);
        await client.CommandAsync("GET", k);
        Assert.Empty(await monitor.ReadAvailableAsync(TimeSpan.FromMilliseconds(200)));
    }
}
