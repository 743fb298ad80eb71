using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>CONFIG SET of the parameters that mean something here changes what this proxy does, at once.</summary>
public sealed class ConfigTakesEffectTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Maxclients_refuses_connections_beyond_the_new_limit()
    {
        using var admin = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await admin.CommandAsync("CONFIG", "SET", "maxclients", "1"));
        try
        {
            using var refused = new RawRespClient(fixture.Port);
            Assert.Equal("-ERR max number of clients reached\r\n", await refused.ReadReplyAsync());
        }
        finally
        {
            Assert.Equal("+OK\r\n", await admin.CommandAsync("CONFIG", "SET", "maxclients", "10000"));
        }
        Assert.Equal("*2\r\n$10\r\nmaxclients\r\n$5\r\n10000\r\n", await admin.CommandAsync("CONFIG", "GET", "maxclients"));
        Assert.Contains("maxclients:10000", await admin.CommandAsync("INFO", "clients"));
    }

    [Fact]
    public async Task Proto_max_bulk_len_refuses_longer_arguments_on_connected_clients()
    {
        using var client = await fixture.RawAsync();
        using var admin = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await admin.CommandAsync("CONFIG", "SET", "proto-max-bulk-len", "1mb"));
        try
        {
            Assert.Equal("+OK\r\n", await client.CommandAsync("SET", ProxyFixture.Key(), new string('x', 1000)));
            client.Send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2000000\r\n");
            Assert.StartsWith("-ERR Protocol error: invalid bulk length", await client.ReadReplyAsync());
        }
        finally
        {
            Assert.Equal("+OK\r\n", await admin.CommandAsync("CONFIG", "SET", "proto-max-bulk-len", "512mb"));
        }
    }

    [Fact]
    public async Task Timeout_closes_idle_clients_that_are_already_connected()
    {
        using var idle = await fixture.RawAsync();
        using var admin = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await admin.CommandAsync("CONFIG", "SET", "timeout", "1"));
        try
        {
            Assert.Equal("+PONG\r\n", await idle.CommandAsync("PING"));
            Assert.True(await idle.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            // The admin connection was idle as long: a new one puts the timeout back.
            using var again = await fixture.RawAsync();
            Assert.Equal("+OK\r\n", await again.CommandAsync("CONFIG", "SET", "timeout", "0"));
        }
    }
}
