using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>A protocol error closes only the offending connection; garbage never disturbs other clients.</summary>
public class NetworkProtocolErrorTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Invalid_bulk_length_answers_a_protocol_error_and_closes_only_that_connection()
    {
        using var bystander = await fixture.RawAsync();
        using var client = await fixture.RawAsync();
        client.Send("*1\r\n$x\r\n");
        Assert.Equal("-ERR Protocol error: invalid bulk length\r\n", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync(CloseWait));
        Assert.Equal("+PONG\r\n", await bystander.CommandAsync("PING"));
    }

    [Fact]
    public async Task Replies_before_the_bad_frame_are_still_sent()
    {
        using var client = await fixture.RawAsync();
        client.Send([.. RawRespClient.Command("ECHO", "first"), .. "*1\r\n$-5\r\n"u8.ToArray()]);
        Assert.Equal("$5\r\nfirst\r\n", await client.ReadReplyAsync());
        Assert.Equal("-ERR Protocol error: invalid bulk length\r\n", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync(CloseWait));
    }

    [Fact]
    public async Task Unbalanced_quotes_in_an_inline_request_are_a_protocol_error()
    {
        using var client = await fixture.RawAsync();
        client.Send("ECHO \"abc\r\n");
        Assert.Equal("-ERR Protocol error: unbalanced quotes in request\r\n", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync(CloseWait));
    }

    [Fact]
    public async Task Random_garbage_on_one_connection_does_not_disturb_others()
    {
        using var bystander = await fixture.RawAsync();
        using var vandal = new RawRespClient(fixture.Port);
        var garbage = new byte[20 * 1024];
        new Random(20240601).NextBytes(garbage);
        for (var offset = 0; offset < garbage.Length; offset += 1024)
        {
            TrySend(vandal, garbage[offset..(offset + 1024)]);
            Assert.Equal("+PONG\r\n", await bystander.CommandAsync("PING"));
            Assert.Equal($"$4\r\n{offset % 10000:0000}\r\n", await bystander.CommandAsync("ECHO", $"{offset % 10000:0000}"));
        }
        using var newcomer = await fixture.RawAsync();
        Assert.Equal("+PONG\r\n", await newcomer.CommandAsync("PING"));
        Assert.Equal("+PONG\r\n", await bystander.CommandAsync("PING"));
    }

    [Fact]
    public async Task Unknown_commands_with_binary_names_and_arguments_keep_the_connection_usable()
    {
        using var client = await fixture.RawAsync();
        var reply = await client.CommandAsync(new byte[] { 0xff, 0, (byte)'\r', (byte)'\n' }, new byte[] { 0, 0xfe });
        Assert.StartsWith("-ERR unknown command '", reply);
        Assert.Equal(1, reply.Count(c => c == '\n'));
        Assert.Equal("-ERR unknown command 'FOO', with args beginning with: 'a  b' \r\n",
            await client.CommandAsync("FOO", "a\r\nb"));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    /// <summary>The server may close the vandal's connection at any point; later writes then fail, which is fine.</summary>
    private static void TrySend(RawRespClient client, byte[] data)
    {
        try { client.Send(data); }
        catch (IOException) { }
    }
}
