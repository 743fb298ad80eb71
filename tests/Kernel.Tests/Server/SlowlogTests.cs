using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>SLOWLOG records what CONFIG's slowlog parameters ask for, cut as Redis cuts it, per tenant.</summary>
public sealed class SlowlogTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Every_command_is_logged_at_threshold_zero_with_its_arguments_cut_as_in_redis_and_only_for_its_tenant()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        await a.CommandAsync("CLIENT", "SETNAME", "slowpoke");
        Assert.Equal("+OK\r\n", await a.CommandAsync("CONFIG", "SET", "slowlog-log-slower-than", "0", "slowlog-max-len", "3"));
        try
        {
            await a.CommandAsync("SLOWLOG", "RESET");
            await b.CommandAsync("SLOWLOG", "RESET");
            var k = ProxyFixture.Key();
            await a.CommandAsync("SET", k, new string('v', 200));
            await a.CommandAsync(["DEL", .. Enumerable.Range(0, 40).Select(i => $"{k}{i}")]);
            await a.CommandAsync("GET", k);

            var log = await a.CommandAsync("SLOWLOG", "GET", "-1");
            // Newest first: GET (planned, batched), DEL (40 arguments), SET (a 200-byte value); max-len 3 dropped RESET.
            Assert.StartsWith("*3\r\n*6\r\n:", log);
            Assert.Contains(Array("GET", k), log);
            Assert.Contains("$23\r\n... (10 more arguments)\r\n", log);
            Assert.Contains("$" + (128 + 19) + "\r\n" + new string('v', 128) + "... (72 more bytes)\r\n", log);
            Assert.Contains("$8\r\nslowpoke\r\n", log);
            Assert.Equal(":3\r\n", await a.CommandAsync("SLOWLOG", "LEN"));
            Assert.StartsWith("*1\r\n", await a.CommandAsync("SLOWLOG", "GET", "1"));

            // Tenant B's log holds its own SLOWLOG RESET only.
            var other = await b.CommandAsync("SLOWLOG", "GET", "-1");
            Assert.StartsWith("*1\r\n", other);
            Assert.DoesNotContain(k, other);
            Assert.Equal("+OK\r\n", await a.CommandAsync("SLOWLOG", "RESET"));
            Assert.Equal(":1\r\n", await a.CommandAsync("SLOWLOG", "LEN"));

            Assert.Equal("+OK\r\n", await a.CommandAsync("CONFIG", "SET", "slowlog-log-slower-than", "-1"));
            await a.CommandAsync("SLOWLOG", "RESET");
            await a.CommandAsync("SET", k, "v");
            Assert.Equal(":0\r\n", await a.CommandAsync("SLOWLOG", "LEN"));
        }
        finally
        {
            await a.CommandAsync("CONFIG", "SET", "slowlog-log-slower-than", "10000", "slowlog-max-len", "128");
        }
    }
}
