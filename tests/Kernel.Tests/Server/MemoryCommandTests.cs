using System.Globalization;
using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>
/// MEMORY beyond what cases/memory.redis shows: USAGE of values too big to write in a case file, measured against a
/// real redis-server 7.0; tenant isolation; and the shape of STATS, DOCTOR, MALLOC-STATS and PURGE, which describe
/// this process. The values are built so that Redis's own figure is settled: no hash table left half rehashed, and
/// elements of one size where Redis samples in its random hash order.
/// </summary>
public sealed class MemoryCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly int[] StringLengths = [16_379, 32_767, 32_768, 40_954, 65_530, 65_535, 100_000, 1_048_570, 3_000_000];

    [Fact]
    public async Task Usage_of_big_strings_matches_redis_including_values_kept_in_the_query_buffer()
    {
        using var redis = new RawRespClient(RedisServer.Shared.Port);
        using var proxy = await fixture.RawAsync();
        var key = ProxyFixture.Key("big-string");
        // Ascending lengths on one connection: each value is read into a query buffer grown for it, as on a new one.
        foreach (var length in StringLengths)
        {
            var value = Encoding.ASCII.GetBytes(new string('s', length));
            await BothAsync(redis, proxy, Bytes("SET"), Bytes(key), value);
            await AssertSameUsageAsync(redis, proxy, key, $"a string of {length} bytes");
        }
        await BothAsync(redis, proxy, Bytes("DEL"), Bytes(key));
    }

    public static TheoryData<string> Collections() => new(CollectionBuilders.Keys);

    [Theory]
    [MemberData(nameof(Collections))]
    public async Task Usage_of_a_big_collection_matches_redis_sampled_and_whole(string name)
    {
        using var redis = new RawRespClient(RedisServer.Shared.Port);
        using var proxy = await fixture.RawAsync();
        var key = ProxyFixture.Key(name);
        var (command, elements, sampledAlike) = CollectionBuilders[name];
        foreach (var chunk in elements.Chunk(500))
            await BothAsync(redis, proxy, [Bytes(command), Bytes(key), .. chunk.SelectMany(e => e).Select(Bytes)]);

        await AssertSameUsageAsync(redis, proxy, key, name, "SAMPLES", "0");
        if (sampledAlike)
        {
            await AssertSameUsageAsync(redis, proxy, key, name);
            await AssertSameUsageAsync(redis, proxy, key, name, "SAMPLES", "2");
        }
        await BothAsync(redis, proxy, Bytes("DEL"), Bytes(key));
    }

    [Fact]
    public async Task Usage_of_a_big_skiplist_is_within_the_spread_of_redis_random_node_levels()
    {
        using var redis = new RawRespClient(RedisServer.Shared.Port);
        using var proxy = await fixture.RawAsync();
        var key = ProxyFixture.Key("skiplist");
        foreach (var chunk in Enumerable.Range(0, 1000).Chunk(500))
            await BothAsync(redis, proxy, [Bytes("ZADD"), Bytes(key), .. chunk.SelectMany(i => new[] { Bytes($"{i}.5"), Bytes($"member:{i:D4}") })]);

        // 1000 nodes of random levels: the sum's standard deviation is about 0.4% of the total; 2% is far out.
        long expected = Integer(await redis.CommandAsync("MEMORY", "USAGE", key, "SAMPLES", "0"));
        long actual = Integer(await proxy.CommandAsync("MEMORY", "USAGE", key, "SAMPLES", "0"));
        Assert.InRange(actual, expected * 98 / 100, expected * 102 / 100);
        await BothAsync(redis, proxy, Bytes("DEL"), Bytes(key));
    }

    [Fact]
    public async Task Usage_sees_only_the_callers_tenant_and_live_keys()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var key = ProxyFixture.Key("mine");
        Assert.Equal("+OK\r\n", await a.CommandAsync("SET", key, "bar"));
        long usage = Integer(await a.CommandAsync("MEMORY", "USAGE", key));
        Assert.True(usage > 0);
        Assert.Equal("$-1\r\n", await b.CommandAsync("MEMORY", "USAGE", key));
        Assert.Equal("$-1\r\n", await b.CommandAsync("MEMORY", "USAGE", key, "SAMPLES", "0"));

        Assert.Equal(":3\r\n", await b.CommandAsync("RPUSH", key, "a", "b", "c"));
        Assert.Equal(usage, Integer(await a.CommandAsync("MEMORY", "USAGE", key)));

        Assert.Equal(":1\r\n", await a.CommandAsync("PEXPIREAT", key, "1"));
        Assert.Equal("$-1\r\n", await a.CommandAsync("MEMORY", "USAGE", key));
        Assert.StartsWith(":", await b.CommandAsync("MEMORY", "USAGE", key));
    }

    [Fact]
    public async Task Stats_has_redis_fields_with_a_db_entry_per_database_of_the_callers_tenant()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        Assert.Equal("+OK\r\n", await a.CommandAsync("FLUSHALL"));
        Assert.Equal("+OK\r\n", await b.CommandAsync("FLUSHALL"));
        Assert.Equal("+OK\r\n", await a.CommandAsync("SET", "one", "1"));
        Assert.Equal("+OK\r\n", await a.CommandAsync("SELECT", "4"));
        Assert.Equal(":2\r\n", await a.CommandAsync("SADD", "two", "x", "y"));
        Assert.Equal("+OK\r\n", await a.CommandAsync("SELECT", "0"));
        Assert.Equal("+OK\r\n", await b.CommandAsync("SELECT", "7"));
        Assert.Equal("+OK\r\n", await b.CommandAsync("SET", "other", "1"));

        var stats = RespReply.Array(await a.CommandAsync("MEMORY", "STATS"));
        Assert.Equal(2 * (27 + 2), stats.Count);
        var fields = Enumerable.Range(0, stats.Count / 2).ToDictionary(i => (string)stats[2 * i]!, i => stats[2 * i + 1]);
        Assert.Equal(
            ["peak.allocated", "total.allocated", "startup.allocated", "replication.backlog", "clients.slaves", "clients.normal",
             "cluster.links", "aof.buffer", "lua.caches", "functions.caches", "db.0", "db.4", "overhead.total", "keys.count",
             "keys.bytes-per-key", "dataset.bytes", "dataset.percentage", "peak.percentage", "allocator.allocated",
             "allocator.active", "allocator.resident", "allocator-fragmentation.ratio", "allocator-fragmentation.bytes",
             "allocator-rss.ratio", "allocator-rss.bytes", "rss-overhead.ratio", "rss-overhead.bytes", "fragmentation",
             "fragmentation.bytes"],
            fields.Keys);
        Assert.Equal(2L, fields["keys.count"]);
        Assert.Equal(new List<object?> { "overhead.hashtable.main", 0L, "overhead.hashtable.expires", 0L, "overhead.hashtable.slot-to-keys", 0L },
            fields["db.4"]);
        long total = Assert.IsType<long>(fields["total.allocated"]);
        Assert.True(total > 0);
        Assert.True(Assert.IsType<long>(fields["peak.allocated"]) >= total);
        Assert.True(double.TryParse(Assert.IsType<string>(fields["fragmentation"]), CultureInfo.InvariantCulture, out _));

        var other = RespReply.Array(await b.CommandAsync("MEMORY", "STATS"));
        Assert.Equal(2 * (27 + 1), other.Count);
        Assert.Equal("db.7", other[20]);
        await a.CommandAsync("FLUSHALL");
        await b.CommandAsync("FLUSHALL");
    }

    [Fact]
    public async Task Doctor_malloc_stats_and_purge_answer_for_this_process()
    {
        using var a = await fixture.RawAsync();
        var report = RespReply.Bulk(await a.CommandAsync("MEMORY", "DOCTOR"));
        Assert.True(report.StartsWith("Hi Sam", StringComparison.Ordinal) || report.StartsWith("Sam, I detected", StringComparison.Ordinal), report);
        Assert.EndsWith("\n", report);
        Assert.Equal("Stats not supported for the current allocator", RespReply.Bulk(await a.CommandAsync("MEMORY", "MALLOC-STATS")));
        Assert.Equal("+OK\r\n", await a.CommandAsync("MEMORY", "PURGE"));
    }

    /// <summary>Per collection: the command adding elements, the elements (one or two arguments each), and whether
    /// Redis measures a sample of them alike whatever its hash order (elements of one allocation size).</summary>
    private static readonly Dictionary<string, (string Command, string[][] Elements, bool SampledAlike)> CollectionBuilders = new()
    {
        ["list of 100-byte items"] = ("RPUSH", Repeat(200, _ => [new string('l', 100)]), true),
        ["list of integers"] = ("RPUSH", Repeat(5000, i => [$"{i * 37 - 9000}"]), true),
        ["list of short strings"] = ("RPUSH", Repeat(3000, i => [$"item:{i % 100000:D5}"]), true),
        ["list of 5000-byte items"] = ("RPUSH", Repeat(10, _ => [new string('f', 5000)]), true),
        ["list of items bigger than a node"] = ("RPUSH", Repeat(3, i => [new string((char)('a' + i), 70_000)]), true),
        ["list of items of many sizes"] = ("RPUSH", Repeat(2000, i => [new string('m', i % 300)]), true),
        ["intset grown into a hash table"] = ("SADD", Repeat(600, i => [$"{i}"]), true),
        ["set of 1024 members"] = ("SADD", Repeat(1024, i => [$"m{i:D4}"]), true),
        ["set of 2048 long members"] = ("SADD", Repeat(2048, i => [$"{new string('q', 40)}{i:D4}"]), true),
        ["set of members of many sizes"] = ("SADD", Repeat(2000, i => [$"{i}{new string('z', i % 90)}"]), false),
        ["hash grown into a hash table"] = ("HSET", Repeat(513, i => [$"f{i:D3}", $"{i}"]), true),
        ["hash of 1024 fields"] = ("HSET", Repeat(1024, i => [$"field{i:D4}", "value"]), true),
        ["hash of fields of many sizes"] = ("HSET", Repeat(2000, i => [$"f{i}", new string('v', i % 120)]), false),
        ["sorted set of 128 members"] = ("ZADD", Repeat(128, i => [(i * 0.25).ToString(CultureInfo.InvariantCulture), $"{new string('z', i % 60)}{i}"]), true),
    };

    private static string[][] Repeat(int count, Func<int, string[]> element) => Enumerable.Range(0, count).Select(element).ToArray();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task BothAsync(RawRespClient redis, RawRespClient proxy, params byte[][] command)
    {
        var expected = await redis.CommandAsync(command);
        Assert.Equal(expected, await proxy.CommandAsync(command));
    }

    private static async Task AssertSameUsageAsync(RawRespClient redis, RawRespClient proxy, string key, string what, params string[] options)
    {
        var expected = await redis.CommandAsync(["MEMORY", "USAGE", key, .. options]);
        Assert.StartsWith(":", expected);
        var actual = await proxy.CommandAsync(["MEMORY", "USAGE", key, .. options]);
        Assert.True(expected == actual, $"{what} {string.Join(' ', options)}: redis {expected.TrimEnd()}, proxy {actual.TrimEnd()}");
    }

    private static long Integer(string reply) => Assert.IsType<long>(RespReply.Parse(reply));
}
