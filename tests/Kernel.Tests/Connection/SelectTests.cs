using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>SELECT: databases 0..n-1 with Redis's error texts, n from REDIS_MYSQL_DATABASES.</summary>
public class SelectTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Databases_0_to_15_can_be_selected()
    {
        using var client = await fixture.RawAsync();
        for (var db = 0; db < 16; db++)
            Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", db.ToString()));
    }

    [Theory]
    [InlineData("16")]
    [InlineData("-1")]
    [InlineData("9223372036854775807")]
    public async Task Indexes_outside_the_range_are_refused(string index)
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR DB index is out of range\r\n", await client.CommandAsync("SELECT", index));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("99999999999999999999")]
    public async Task Non_integers_are_refused(string index)
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await client.CommandAsync("SELECT", index));
    }

    [Fact]
    public async Task Binary_index_is_not_an_integer()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR value is not an integer or out of range\r\n",
            await client.CommandAsync("SELECT"u8.ToArray(), new byte[] { (byte)'1', 0, 0xff }));
    }

    [Fact]
    public async Task Wrong_arity_is_reported()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR wrong number of arguments for 'select' command\r\n", await client.CommandAsync("SELECT"));
        Assert.Equal("-ERR wrong number of arguments for 'select' command\r\n", await client.CommandAsync("SELECT", "1", "2"));
    }

    [Fact]
    public async Task Database_count_comes_from_configuration()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_DATABASES"] = "4",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", "3"));
        Assert.Equal("-ERR DB index is out of range\r\n", await client.CommandAsync("SELECT", "4"));
    }

    [Fact]
    public async Task StackExchange_redis_can_use_another_database()
    {
        await using var redis = await fixture.ConnectAsync();
        Assert.True(await redis.GetDatabase(5).PingAsync() >= TimeSpan.Zero);
    }
}
