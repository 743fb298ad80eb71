using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Durability;

/// <summary>
/// MySQL becoming unreachable mid-session: commands answer a clear error, the client connection and the process
/// survive, nothing is half-written, and service resumes by itself when MySQL is back.
/// </summary>
public class MySqlGoesAwayTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Commands_fail_clearly_while_mysql_is_away_and_work_again_after()
    {
        using var relay = new TcpRelay(MariaDbServer.Shared.Port);
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_ADDR"] = relay.Address,
            ["REDIS_MYSQL_POOL_CONNECT_TIMEOUT_MS"] = "1000",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        string key = ProxyFixture.Key("away"), counter = ProxyFixture.Key("counter");
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", key, "before"));
        Assert.Equal(":1\r\n", await client.CommandAsync("INCR", counter));

        relay.Cut();
        foreach (var command in new[] { new[] { "GET", key }, ["SET", key, "during"], ["INCR", counter], ["HSET", key + "h", "f", "v"] })
            Assert.StartsWith("-ERR MySQL backend unavailable", await client.CommandAsync(command));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        Assert.False(proxy.HasExited);

        relay.Restore();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string reply;
        do
        {
            reply = await client.CommandAsync("GET", key);
            if (reply.StartsWith('$')) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal("$6\r\nbefore\r\n", reply);
        Assert.Equal(":2\r\n", await client.CommandAsync("INCR", counter));
        Assert.Equal(":0\r\n", await client.CommandAsync("EXISTS", key + "h"));
    }
}
