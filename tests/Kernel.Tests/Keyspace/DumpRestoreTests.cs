using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>DUMP and RESTORE between the proxy and a real redis-server 7.0, both ways, and their atomicity.</summary>
public sealed class DumpRestoreTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static async Task<IDatabase> RedisAsync() =>
        (await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisServer.Shared.Port},allowAdmin=true")).GetDatabase();

    [Fact]
    public async Task A_dump_taken_here_restores_into_redis_and_the_reverse_with_equal_contents()
    {
        await using var proxyConnection = await fixture.ConnectAsync();
        var proxy = proxyConnection.GetDatabase();
        var redis = await RedisAsync();
        RedisKey hash = ProxyFixture.Key("hash");
        RedisKey list = ProxyFixture.Key("list");
        RedisKey zset = ProxyFixture.Key("zset");
        RedisKey hll = ProxyFixture.Key("hll");
        RedisKey set = ProxyFixture.Key("set");
        var binary = (RedisKey)(ProxyFixture.Key("bin") + "\0\r\n\u00ff");
        await proxy.HashSetAsync(hash, Enumerable.Range(0, 10_000).Select(i => new HashEntry($"field:{i}", $"value {i}")).ToArray());
        await proxy.ListRightPushAsync(list, Enumerable.Range(0, 300).Select(i => (RedisValue)(i % 7 == 0 ? new string('x', 10_000) : $"item {i}")).ToArray());
        await proxy.SortedSetAddAsync(zset, Enumerable.Range(0, 200).Select(i => new SortedSetEntry($"m{i}", i * 0.1)).Append(new SortedSetEntry("top", double.PositiveInfinity)).ToArray());
        await proxy.HyperLogLogAddAsync(hll, Enumerable.Range(0, 5000).Select(i => (RedisValue)i).ToArray());
        await proxy.StringSetAsync(binary, new byte[] { 0, 13, 10, 0xff, 0xfe });

        foreach (var key in new[] { hash, list, zset, hll, binary })
        {
            var payload = await proxy.KeyDumpAsync(key);
            Assert.NotNull(payload);
            await redis.KeyDeleteAsync(key);
            await redis.KeyRestoreAsync(key, payload);
        }
        Assert.Equal(await proxy.HashGetAllAsync(hash), await redis.HashGetAllAsync(hash), HashEntries);
        Assert.Equal(await proxy.ListRangeAsync(list), await redis.ListRangeAsync(list));
        Assert.Equal(await proxy.SortedSetRangeByRankWithScoresAsync(zset), await redis.SortedSetRangeByRankWithScoresAsync(zset));
        Assert.Equal((byte[]?)await proxy.StringGetAsync(hll), (byte[]?)await redis.StringGetAsync(hll));
        Assert.Equal(await proxy.HyperLogLogLengthAsync(hll), await redis.HyperLogLogLengthAsync(hll));
        Assert.Equal((byte[]?)await proxy.StringGetAsync(binary), (byte[]?)await redis.StringGetAsync(binary));

        // The reverse: Redis's payloads, including its hash-table encodings, restore here.
        await redis.SetAddAsync(set, Enumerable.Range(0, 600).Select(i => (RedisValue)i).ToArray());
        foreach (var key in new[] { hash, list, zset, hll })
        {
            await proxy.KeyDeleteAsync(key);
            await proxy.KeyRestoreAsync(key, (await redis.KeyDumpAsync(key))!);
        }
        await proxy.KeyRestoreAsync(set, (await redis.KeyDumpAsync(set))!);
        Assert.Equal(10_000, await proxy.HashLengthAsync(hash));
        Assert.Equal(await redis.HashGetAllAsync(hash), await proxy.HashGetAllAsync(hash), HashEntries);
        Assert.Equal(await redis.ListRangeAsync(list), await proxy.ListRangeAsync(list));
        Assert.Equal(await redis.SortedSetRangeByRankWithScoresAsync(zset), await proxy.SortedSetRangeByRankWithScoresAsync(zset));
        Assert.Equal(await redis.HyperLogLogLengthAsync(hll), await proxy.HyperLogLogLengthAsync(hll));
        Assert.Equal(600, await proxy.SetLengthAsync(set));
        foreach (var key in new[] { hash, list, zset, hll, binary, set }) await redis.KeyDeleteAsync(key);
    }

    private static readonly IEqualityComparer<HashEntry[]> HashEntries = EqualityComparer<HashEntry[]>.Create(
        (a, b) => a!.OrderBy(e => (string?)e.Name).SequenceEqual(b!.OrderBy(e => (string?)e.Name)),
        a => a.Length);

    [Fact]
    public async Task A_corrupt_payload_or_a_busy_key_writes_nothing_and_replace_swaps_the_whole_value()
    {
        var k = ProxyFixture.Key();
        using var raw = await fixture.RawAsync();
        await raw.CommandAsync("RPUSH", k, "a", "b");
        var payload = await raw.CommandBytesAsync(RespText.Args("DUMP", k));
        var bytes = payload[(Array.IndexOf(payload, (byte)'\n') + 1)..^2];
        var corrupt = (byte[])bytes.Clone();
        corrupt[3] ^= 0x40;
        Assert.Equal("-ERR DUMP payload version or checksum are wrong\r\n", await raw.CommandAsync(RespText.Args("RESTORE", k + ":new", "0", corrupt)));
        Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", k + ":new"));
        Assert.Equal("-BUSYKEY Target key name already exists.\r\n", await raw.CommandAsync(RespText.Args("RESTORE", k, "0", bytes)));
        await raw.CommandAsync("RPUSH", k, "c");
        Assert.Equal("+OK\r\n", await raw.CommandAsync(RespText.Args("RESTORE", k, "0", bytes, "REPLACE")));
        Assert.Equal(RespText.Array("a", "b"), await raw.CommandAsync("LRANGE", k, "0", "-1"));

        // Inside MULTI, RESTORE joins EXEC's transaction.
        await raw.CommandAsync("MULTI");
        await raw.CommandAsync(RespText.Args("RESTORE", k + ":m", "0", bytes));
        await raw.CommandAsync("LLEN", k + ":m");
        Assert.Equal("*2\r\n+OK\r\n:2\r\n", await raw.CommandAsync("EXEC"));

        using var other = await fixture.RawAsync(ProxyFixture.UserB);
        Assert.Equal("$-1\r\n", await other.CommandAsync("DUMP", k));
        Assert.Equal("+OK\r\n", await other.CommandAsync(RespText.Args("RESTORE", k, "0", bytes)));
        Assert.Equal(":2\r\n", await raw.CommandAsync("LLEN", k));
    }
}
