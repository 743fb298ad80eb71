using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>
/// server.idle_timeout_ms closes quiet clients; server.read_timeout_ms closes clients stuck mid-request;
/// server.write_timeout_ms closes clients that stop reading their replies.
/// </summary>
public class TimeoutTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_idle_client_is_closed_after_idle_timeout()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_IDLE_TIMEOUT_MS"] = "300",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        Assert.True(await client.IsClosedByServerAsync(Patience));
    }

    [Fact]
    public async Task A_half_sent_request_is_dropped_after_read_timeout_while_an_idle_client_stays()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_READ_TIMEOUT_MS"] = "300",
        });
        using var idle = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        using var stuck = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        stuck.Send(Encoding.ASCII.GetBytes("*2\r\n$4\r\nECHO\r\n$10\r\nabc"));
        Assert.True(await stuck.IsClosedByServerAsync(Patience));
        Assert.False(await idle.IsClosedByServerAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal("+PONG\r\n", await idle.CommandAsync("PING"));
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_closed_after_write_timeout()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_WRITE_TIMEOUT_MS"] = "300",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        var key = ProxyFixture.Key("big");
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", key, new string('x', 1 << 20)));
        // 40 MB of replies that nobody reads: the socket buffers fill and the flush waits.
        client.Send(Enumerable.Range(0, 40).SelectMany(_ => RawRespClient.Command("GET", key)).ToArray());
        await Task.Delay(1500);
        Assert.True(await client.IsClosedByServerAsync(Patience));
    }
}
