using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.EndToEnd.Tests.Durability;

/// <summary>Two proxies on one database serve one consistent keyspace.</summary>
public class TwoProxiesTests : IClassFixture<ProxyFixture>
{
    private readonly ProxyFixture _fixture;

    public TwoProxiesTests(ProxyFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_write_through_one_proxy_is_read_through_the_other()
    {
        await using var second = await ProxyProcess.StartAsync(_fixture.Database);
        using var a = await _fixture.ConnectAsync();
        using var b = await Clients.ConnectAsync(second.Port, ProxyFixture.UserA, ProxyFixture.Password);
        var key = ProxyFixture.Key();
        byte[] value = [0, 13, 10, 255, 42];
        Assert.True(await a.GetDatabase().StringSetAsync(key, value));
        Assert.Equal(value, (byte[]?)await b.GetDatabase().StringGetAsync(key));
        Assert.True(await b.GetDatabase().KeyDeleteAsync(key));
        Assert.False(await a.GetDatabase().KeyExistsAsync(key));
    }

    [Fact]
    public async Task Fifty_clients_incrementing_through_two_proxies_lose_no_increment()
    {
        await using var second = await ProxyProcess.StartAsync(_fixture.Database);
        var key = ProxyFixture.Key("counter");
        var ports = new[] { _fixture.Port, second.Port };

        async Task Client(int i)
        {
            using var client = await RawRespClient.ConnectAuthenticatedAsync(ports[i % 2], ProxyFixture.UserA, ProxyFixture.Password);
            for (int n = 0; n < 200; n++)
                Assert.StartsWith(":", await client.CommandAsync("INCR", key));
        }

        await Task.WhenAll(Enumerable.Range(0, 50).Select(Client));
        using var check = await _fixture.RawAsync();
        Assert.Equal("$5\r\n10000\r\n", await check.CommandAsync("GET", key));
    }
}
