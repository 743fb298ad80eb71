using System.Net;
using System.Net.Sockets;
using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Infrastructure;

public class RawRespClientTests
{
    [Fact]
    public void Command_builds_multibulk()
    {
        Assert.Equal("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\nvé\r\n",
            Encoding.UTF8.GetString(RawRespClient.Command("SET", "k", "vé")));
        Assert.Equal(new byte[] { (byte)'*', (byte)'1', 13, 10, (byte)'$', (byte)'3', 13, 10, 0, 13, 10, 13, 10 },
            RawRespClient.Command(new byte[] { 0, 13, 10 }));
    }

    [Theory]
    [InlineData("+OK\r\n", 5)]
    [InlineData("-ERR x\r\n", 8)]
    [InlineData(":12\r\n", 5)]
    [InlineData("$-1\r\n", 5)]
    [InlineData("$0\r\n\r\n", 6)]
    [InlineData("$4\r\na\r\nb\r\n", 10)]
    [InlineData("*-1\r\n", 5)]
    [InlineData("*0\r\n", 4)]
    [InlineData("*2\r\n*1\r\n:1\r\n$-1\r\n+extra", 17)]
    [InlineData("$4\r\nab", -1)]
    [InlineData("*2\r\n:1\r\n", -1)]
    [InlineData("+OK\r", -1)]
    public void RespFrame_finds_the_end_of_one_reply(string input, int expected)
    {
        Assert.Equal(expected, RespFrame.FindEnd(Encoding.ASCII.GetBytes(input), 0));
    }

    [Fact]
    public async Task Reads_replies_split_across_packets_and_detects_close()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var serverTask = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buf = new byte[1024];
            var got = 0;
            var expected = RawRespClient.Command("PING").Length;
            while (got < expected) got += await socket.ReceiveAsync(buf.AsMemory(got), SocketFlags.None);
            foreach (var part in new[] { "*3\r\n$3\r\nab", "c\r\n*1\r\n:7", "\r\n$-1\r\n", "+PONG\r\n" })
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(part), SocketFlags.None);
                await Task.Delay(30);
            }
            await Task.Delay(300);
            await socket.SendAsync("-ERR bye\r\n"u8.ToArray(), SocketFlags.None);
            socket.Shutdown(SocketShutdown.Both);
        });

        using var client = new RawRespClient(port);
        client.Send(RawRespClient.Command("PING"));
        Assert.Equal("*3\r\n$3\r\nabc\r\n*1\r\n:7\r\n$-1\r\n", await client.ReadReplyAsync());
        Assert.Equal("+PONG\r\n", await client.ReadReplyAsync());
        Assert.Empty(await client.ReadAvailableAsync(TimeSpan.FromMilliseconds(100)));
        Assert.True(await client.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("-ERR bye\r\n", await client.ReadReplyAsync());
        await Assert.ThrowsAsync<EndOfStreamException>(() => client.ReadReplyAsync());
        await serverTask;
    }

    [Fact]
    public async Task ReadReply_times_out_with_what_was_received()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptSocketAsync();
        using var client = new RawRespClient(port);
        using var socket = await accept;
        await socket.SendAsync("$5\r\nab"u8.ToArray(), SocketFlags.None);
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.ReadReplyAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Contains("$5\\r\\nab", ex.Message);
        Assert.False(await client.IsClosedByServerAsync(TimeSpan.FromMilliseconds(100)));
    }
}
