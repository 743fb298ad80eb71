using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>PING and ECHO, exact bytes included.</summary>
public class PingEchoTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Ping_answers_pong_or_its_message()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        Assert.Equal("$5\r\nhello\r\n", await client.CommandAsync("PING", "hello"));
        Assert.Equal("$0\r\n\r\n", await client.CommandAsync("PING", ""));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("ping"));
    }

    [Fact]
    public async Task Ping_with_two_arguments_is_an_arity_error()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR wrong number of arguments for 'ping' command\r\n", await client.CommandAsync("PING", "a", "b"));
    }

    [Fact]
    public async Task Echo_arity_errors()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR wrong number of arguments for 'echo' command\r\n", await client.CommandAsync("ECHO"));
        Assert.Equal("-ERR wrong number of arguments for 'echo' command\r\n", await client.CommandAsync("ECHO", "a", "b"));
    }

    [Fact]
    public async Task Echo_and_ping_return_binary_payloads_byte_for_byte()
    {
        using var client = await fixture.RawAsync();
        byte[] payload = [0, (byte)'\r', (byte)'\n', 0xff, (byte)'a', 0xc3, 0x28, 0];
        byte[] expected = [.. "$8\r\n"u8.ToArray(), .. payload, .. "\r\n"u8.ToArray()];

        client.Send(RawRespClient.Command("ECHO"u8.ToArray(), payload));
        Assert.Equal(expected, await client.ReadReplyBytesAsync());
        client.Send(RawRespClient.Command("PING"u8.ToArray(), payload));
        Assert.Equal(expected, await client.ReadReplyBytesAsync());
    }

    [Fact]
    public async Task Echo_returns_every_byte_value()
    {
        using var client = await fixture.RawAsync();
        var payload = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        client.Send(RawRespClient.Command("ECHO"u8.ToArray(), payload));
        var reply = await client.ReadReplyBytesAsync();
        Assert.Equal(payload, reply[6..^2]);
        Assert.Equal("$256\r\n", Encoding.ASCII.GetString(reply, 0, 6));
    }

    [Fact]
    public async Task Echo_of_a_large_value_round_trips()
    {
        using var client = await fixture.RawAsync();
        var payload = new byte[1 << 20];
        new Random(7).NextBytes(payload);
        client.Send(RawRespClient.Command("ECHO"u8.ToArray(), payload));
        var reply = await client.ReadReplyBytesAsync();
        Assert.Equal(payload, reply[$"${payload.Length}\r\n".Length..^2]);
    }

    [Fact]
    public async Task StackExchange_redis_echo_keeps_binary()
    {
        await using var redis = await fixture.ConnectAsync();
        byte[] payload = [0, (byte)'\r', (byte)'\n', 0xff];
        var result = await redis.GetDatabase().ExecuteAsync("ECHO", payload);
        Assert.Equal(payload, (byte[]?)result);
    }

    [Fact]
    public async Task Redis_cli_echo_and_ping()
    {
        var auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("\"a b\"", (await RedisCli.RunAsync(fixture.Port, [.. auth, "ECHO", "a b"])).Trim());
        Assert.Equal("\"msg\"", (await RedisCli.RunAsync(fixture.Port, [.. auth, "PING", "msg"])).Trim());
        Assert.Equal("(error) ERR wrong number of arguments for 'ping' command",
            (await RedisCli.RunAsync(fixture.Port, [.. auth, "PING", "a", "b"])).Trim());
    }
}
