using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>server.max_bulk_len and server.max_connections.</summary>
public class ConnectionLimitTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_bulk_longer_than_max_bulk_len_is_a_protocol_error()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_MAX_BULK_LEN"] = "1000",
        });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("$1000\r\n" + new string('a', 1000) + "\r\n", await client.CommandAsync("ECHO", new string('a', 1000)));

        client.Send(RawRespClient.Command(Encoding.ASCII.GetBytes("ECHO"), new byte[2000]));
        Assert.Equal("-ERR Protocol error: invalid bulk length\r\n", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync(Patience));
    }

    [Fact]
    public async Task The_connection_over_max_connections_is_refused_and_a_freed_slot_is_reused()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_MAX_CONNECTIONS"] = "3",
        });
        var admitted = new List<RawRespClient>();
        try
        {
            // The readiness probe's connection may still be counted for a moment, so admission is retried.
            for (var i = 0; i < 3; i++) admitted.Add(await AdmittedAsync(proxy.Port));

            using var fourth = new RawRespClient(proxy.Port);
            Assert.Equal("-ERR max number of clients reached\r\n", await fourth.ReadReplyAsync());
            Assert.True(await fourth.IsClosedByServerAsync(Patience));
            foreach (var client in admitted)
                Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("PING"));

            admitted[0].Dispose();
            admitted.RemoveAt(0);
            admitted.Add(await AdmittedAsync(proxy.Port));
        }
        finally
        {
            foreach (var client in admitted) client.Dispose();
        }
    }

    /// <summary>A connection the proxy serves (PING answers NOAUTH), retried while slots are still being freed.</summary>
    private static async Task<RawRespClient> AdmittedAsync(int port)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var client = new RawRespClient(port);
            string reply;
            try
            {
                reply = await client.CommandAsync("PING");
            }
            catch (Exception e) when (e is EndOfStreamException or IOException)
            {
                reply = "(closed)";
            }
            if (reply == "-NOAUTH Authentication required.\r\n") return client;
            client.Dispose();
            Assert.True(DateTime.UtcNow < deadline, $"no free connection slot; last reply {reply}");
            await Task.Delay(50);
        }
    }
}
