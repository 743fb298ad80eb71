using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>CLIENT REPLY ON, OFF and SKIP, over pipelines that mix planned and unplanned commands.</summary>
public class ClientReplyTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Off_silences_every_reply_until_on_which_answers_ok()
    {
        using var client = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        client.Send([.. RawRespClient.Command("SET", k, "1"), .. RawRespClient.Command("CLIENT", "REPLY", "OFF"),
            .. RawRespClient.Command("SET", k, "2"), .. RawRespClient.Command("GET", k), .. RawRespClient.Command("INCR", "nope"),
            .. RawRespClient.Command("NOSUCHCOMMAND"), .. RawRespClient.Command("CLIENT", "REPLY", "ON"), .. RawRespClient.Command("GET", k)]);
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n2\r\n", await client.ReadReplyAsync());
        Assert.Empty(await client.ReadAvailableAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Skip_silences_only_the_next_command()
    {
        using var client = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        client.Send([.. RawRespClient.Command("CLIENT", "REPLY", "SKIP"), .. RawRespClient.Command("SET", k, "a"),
            .. RawRespClient.Command("GET", k), .. RawRespClient.Command("CLIENT", "REPLY", "SKIP"),
            .. RawRespClient.Command("CLIENT", "REPLY", "SKIP"), .. RawRespClient.Command("GET", k), .. RawRespClient.Command("PING")]);
        Assert.Equal("$1\r\na\r\n", await client.ReadReplyAsync());
        // A SKIP while skipping skips the command after it in turn.
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        Assert.Empty(await client.ReadAvailableAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task Skip_then_on_answers_ok_and_bad_modes_are_syntax_errors()
    {
        using var client = await fixture.RawAsync();
        client.Send([.. RawRespClient.Command("CLIENT", "REPLY", "SKIP"), .. RawRespClient.Command("CLIENT", "REPLY", "ON"),
            .. RawRespClient.Command("CLIENT", "REPLY", "MAYBE"), .. RawRespClient.Command("CLIENT", "REPLY")]);
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("-ERR syntax error\r\n", await client.ReadReplyAsync());
        Assert.Equal("-ERR wrong number of arguments for 'client|reply' command\r\n", await client.ReadReplyAsync());
    }
}
