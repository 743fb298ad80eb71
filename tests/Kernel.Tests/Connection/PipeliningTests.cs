using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>Many requests in one write, inline requests, and frames split across writes.</summary>
public class PipeliningTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task A_hundred_commands_in_one_write_get_a_hundred_replies_in_order()
    {
        using var client = await fixture.RawAsync();
        var batch = Enumerable.Range(0, 100).SelectMany(i => RawRespClient.Command("ECHO", $"m{i}")).ToArray();
        client.Send(batch);
        for (var i = 0; i < 100; i++)
        {
            var text = $"m{i}";
            Assert.Equal($"${text.Length}\r\n{text}\r\n", await client.ReadReplyAsync());
        }
    }

    [Fact]
    public async Task Errors_inside_a_pipeline_do_not_stop_it()
    {
        using var client = await fixture.RawAsync();
        client.Send([.. RawRespClient.Command("ECHO", "a"), .. RawRespClient.Command("NOSUCH"), .. RawRespClient.Command("PING", "x", "y"),
            .. RawRespClient.Command("ECHO", "b")]);
        Assert.Equal("$1\r\na\r\n", await client.ReadReplyAsync());
        Assert.Equal("-ERR unknown command 'NOSUCH', with args beginning with: \r\n", await client.ReadReplyAsync());
        Assert.Equal("-ERR wrong number of arguments for 'ping' command\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\nb\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Inline_commands_work()
    {
        using var client = await fixture.RawAsync();
        client.Send("PING\r\n");
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        client.Send("ECHO \"a b\"\r\n");
        Assert.Equal("$3\r\na b\r\n", await client.ReadReplyAsync());
        client.Send("PING\r\nECHO x\r\n");
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\nx\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Inline_auth_works_like_redis_cli_over_telnet()
    {
        using var client = new RawRespClient(fixture.Port);
        client.Send($"AUTH {ProxyFixture.UserA} {ProxyFixture.Password}\r\n");
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        client.Send("PING\n");
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task Frames_split_byte_by_byte_across_writes_are_reassembled()
    {
        using var client = await fixture.RawAsync();
        var frames = Encoding.ASCII.GetBytes("*2\r\n$4\r\nECHO\r\n$11\r\nhello world\r\nPING\r\n");
        foreach (var b in frames)
        {
            client.Send([b]);
            await Task.Delay(1);
        }
        Assert.Equal("$11\r\nhello world\r\n", await client.ReadReplyAsync());
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task A_large_pipeline_from_redis_cli_is_answered_in_order()
    {
        var input = string.Concat(Enumerable.Range(0, 50).Select(i => $"ECHO v{i}\n"));
        var output = await RedisCli.RunWithInputAsync(fixture.Port, input,
            [.. RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password)]);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"\"v{i}\""),
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }
}
