using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// Runs one case on a redis-server and on a fixture's proxy, comparing each command's raw replies (byte for byte unless
/// the line says otherwise), then checks that another tenant sees none of the keys.
/// </summary>
public static class OracleRun
{
    public static async Task RunAsync(DifferentialCase differentialCase, RedisServer server, ProxyFixture fixture)
    {
        using var redis = new RawRespClient(server.Port);
        using var proxy = await fixture.RawAsync();
        using var otherRedis = new RawRespClient(server.Port);
        using var otherProxy = await fixture.RawAsync();
        // Both start empty at db 0; FLUSHALL on the proxy empties only tenantA's databases.
        Assert.Equal("+OK\r\n", await redis.CommandAsync("FLUSHALL"));
        Assert.Equal("+OK\r\n", await proxy.CommandAsync("FLUSHALL"));

        foreach (var line in differentialCase.Lines)
        {
            if (line.SleepMs > 0)
            {
                await Task.Delay(line.SleepMs);
                continue;
            }
            var expected = await ReplyAsync(line.OnOther ? otherRedis : redis, line, "redis");
            var actual = await ReplyAsync(line.OnOther ? otherProxy : proxy, line, "the proxy");
            if (!ReplyComparer.Matches(line.Comparison, expected, actual))
                Assert.Fail(
                    $"{line.Location}: {line.Text}\n" +
                    $"  compared: {line.Comparison}\n" +
                    $"  redis: {ReplyText.Escape(expected)}\n" +
                    $"  proxy: {ReplyText.Escape(actual)}");
        }

        await AssertOtherTenantSeesNothingAsync(differentialCase, fixture);
    }

    private static async Task<byte[]> ReplyAsync(RawRespClient client, CaseLine line, string server)
    {
        if (!line.SendsNothing) client.Send(RawRespClient.Command(line.Arguments.ToArray()));
        var frames = new List<byte>();
        try
        {
            for (int i = 0; i < line.Frames; i++) frames.AddRange(await client.ReadReplyBytesAsync());
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{line.Location}: {line.Text}: {server} sent {frames.Count} bytes of {line.Frames} frame(s): {e.Message}");
        }
        return [.. frames];
    }

    private static async Task AssertOtherTenantSeesNothingAsync(DifferentialCase differentialCase, ProxyFixture fixture)
    {
        using var other = await fixture.RawAsync(ProxyFixture.UserB);
        foreach (var db in differentialCase.TouchedDatabases())
        {
            Assert.Equal("+OK\r\n", await other.CommandAsync("SELECT", db.ToString()));
            var size = await other.CommandAsync("DBSIZE");
            Assert.True(size == ":0\r\n",
                $"{ProxyFixture.UserB} sees {ReplyText.Escape(Encoding.UTF8.GetBytes(size))} keys in db {db} after the case");
        }
    }
}
