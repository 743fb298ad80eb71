using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

public class TimeCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Time_is_seconds_and_microseconds_as_bulk_strings_near_the_local_clock()
    {
        using var client = await fixture.RawAsync();
        var reply = RespReply.Array(await client.CommandAsync("TIME"));
        Assert.Equal(2, reply.Count);
        long seconds = long.Parse(Assert.IsType<string>(reply[0]));
        long micros = long.Parse(Assert.IsType<string>(reply[1]));
        Assert.InRange(micros, 0, 999_999);
        Assert.InRange(seconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
        Assert.Equal("-ERR wrong number of arguments for 'time' command\r\n", await client.CommandAsync("TIME", "now"));
    }
}
