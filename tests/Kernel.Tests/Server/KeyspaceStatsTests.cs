using RedisOnMySql.TestInfrastructure;
using Xunit;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>
/// keyspace_hits, keyspace_misses and total_commands_processed, and CONFIG RESETSTAT. The counters are the whole
/// proxy's, so the class has a proxy of its own and one test.
/// </summary>
public sealed class KeyspaceStatsTests(KeyspaceStatsTests.OwnProxy fixture) : IClassFixture<KeyspaceStatsTests.OwnProxy>
{
    public sealed class OwnProxy : ProxyFixture;

    private static Dictionary<string, string> Stats(string info) =>
        info.Split("\r\n").Where(l => l.Contains(':')).ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 1)..]);

    [Fact]
    public async Task Reads_count_their_keys_as_redis_does_and_resetstat_starts_again_from_zero()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("+OK\r\n", await client.CommandAsync("CONFIG", "RESETSTAT"));
        string[][] commands =
        [
            ["SET", "a", "1"], ["HSET", "h", "f", "v"], ["GET", "a"], ["GET", "missing"], ["MGET", "a", "missing", "m2"],
            ["EXISTS", "a", "missing"], ["TYPE", "missing"], ["HGETALL", "missing"], ["LRANGE", "missing", "0", "-1"],
            ["TTL", "missing"], ["HGET", "h", "f"], ["SORT_RO", "missing"], ["INCR", "a"],
        ];
        foreach (var command in commands) await client.CommandAsync(command);
        // A pipeline runs as merged plans; each GET still counts its key.
        client.Send([.. Enumerable.Repeat(RawRespClient.Command("GET", "a"), 5).SelectMany(c => c), .. RawRespClient.Command("GET", "nope")]);
        for (int i = 0; i < 6; i++) await client.ReadReplyAsync();

        var stats = Stats(RespReply.Bulk(await client.CommandAsync("INFO", "stats")));
        // redis-server 7.0 answers 4 hits, 9 misses and 14 commands for the same commands before the pipeline.
        Assert.Equal("9", stats["keyspace_hits"]);
        Assert.Equal("10", stats["keyspace_misses"]);
        Assert.Equal("20", stats["total_commands_processed"]);

        Assert.Equal("+OK\r\n", await client.CommandAsync("CONFIG", "RESETSTAT"));
        stats = Stats(RespReply.Bulk(await client.CommandAsync("INFO", "stats")));
        Assert.Equal("0", stats["keyspace_hits"]);
        Assert.Equal("0", stats["keyspace_misses"]);
        Assert.Equal("1", stats["total_commands_processed"]);
        Assert.Equal("0", stats["total_connections_received"]);
    }
}
