using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>QUIT closes the connection after +OK; RESET returns it to a fresh, unauthenticated state.</summary>
public class QuitResetTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Quit_replies_ok_and_closes()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await client.CommandAsync("QUIT"));
        Assert.True(await client.IsClosedByServerAsync(CloseWait));
    }

    [Fact]
    public async Task Quit_works_before_auth()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("+OK\r\n", await client.CommandAsync("QUIT"));
        Assert.True(await client.IsClosedByServerAsync(CloseWait));
    }

    [Fact]
    public async Task Commands_pipelined_after_quit_are_not_run()
    {
        using var client = await fixture.RawAsync();
        client.Send([.. RawRespClient.Command("PING"), .. RawRespClient.Command("QUIT"), .. RawRespClient.Command("ECHO", "late")]);
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync(CloseWait));
        Assert.Empty(await client.ReadAvailableAsync(TimeSpan.Zero));
    }

    [Fact]
    public async Task Reset_signs_out()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", "3"));
        Assert.Equal("+RESET\r\n", await client.CommandAsync("RESET"));
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("PING"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.UserB, ProxyFixture.Password));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Reset_works_before_auth_and_rejects_arguments()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("+RESET\r\n", await client.CommandAsync("RESET"));
        Assert.Equal("-ERR wrong number of arguments for 'reset' command\r\n", await client.CommandAsync("RESET", "x"));
    }
}
