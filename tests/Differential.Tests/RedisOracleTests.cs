using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// Redis is the oracle: every case of cases/*.redis runs on a throwaway redis-server and on the proxy, and each
/// command's raw replies must match (byte for byte unless the line says otherwise).
/// </summary>
public sealed class RedisOracleTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var differentialCase in CaseLibrary.All) data.Add(differentialCase.Family, differentialCase.Name);
        return data;
    }

    [CaseTheory]
    [MemberData(nameof(Cases))]
    public async Task Proxy_replies_like_redis(string family, string name)
    {
        var differentialCase = CaseLibrary.Find(family, name);
        using var redis = new RawRespClient(RedisServer.Shared.Port);
        using var proxy = await fixture.RawAsync();
        using var otherRedis = new RawRespClient(RedisServer.Shared.Port);
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

        await AssertOtherTenantSeesNothingAsync(differentialCase);
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

    private async Task AssertOtherTenantSeesNothingAsync(DifferentialCase differentialCase)
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
