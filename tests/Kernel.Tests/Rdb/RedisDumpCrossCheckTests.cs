using RedisOnMySql.Kernel.Rdb;
using StackExchange.Redis;
using static RedisOnMySql.Kernel.Tests.Rdb.RdbModel;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// Values built in redis-server 7.0 with plain commands: its DUMP decodes to the value, our encoding of the value
/// RESTOREs to the same contents, and our payload is byte for byte its DUMP: from the value itself, or for hash-table
/// sets and hashes (whose order is the dict's) from the value in Redis's order.
/// </summary>
[Collection(RedisOracleCollection.Name)]
public class RedisDumpCrossCheckTests(RedisOracle redis)
{
    public static TheoryData<string> StringValues => new()
    {
        "", "0", "-1", "127", "128", "-128", "-129", "32767", "32768", "-32769", "2147483647", "2147483648",
        "-2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "01", "+1", "-0", " 1", "1.5", "12345678901", "aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaaaaaaa", "abcabcabcabcabcabcabcabcab", "héllo wörld, héllo wörld, héllo wörld",
        string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 40)),
    };

    [Theory]
    [MemberData(nameof(StringValues))]
    public async Task Strings(string text)
    {
        var key = RedisOracle.NewKey("string");
        await redis.Db.StringSetAsync(key, B(text));
        await CheckAsync(key, Str(text), Bytes.Same, "embstr", "raw", "int");
    }

    [Theory]
    [MemberData(nameof(BinaryValues))]
    public async Task Binary_strings(byte[] bytes)
    {
        var key = RedisOracle.NewKey("binary");
        await redis.Db.StringSetAsync(key, bytes);
        await CheckAsync(key, new RdbString(bytes), Bytes.Same, "embstr", "raw");
    }

    public static TheoryData<byte[]> BinaryValues()
    {
        var random = new Random(12);
        var noise = new byte[10_000];
        random.NextBytes(noise);
        var big = new byte[1 << 20];
        for (var i = 0; i < big.Length; i++) big[i] = (byte)(random.Next(16) == 0 ? random.Next(256) : i % 251);
        var data = RedisOnMySql.TestInfrastructure.BinarySamples.Bytes;
        data.Add(noise);
        data.Add(big);
        data.Add(B(new string('x', 200_000)));
        return data;
    }

    [Fact]
    public async Task HyperLogLogs_are_strings()
    {
        var sparse = RedisOracle.NewKey("hll");
        var dense = RedisOracle.NewKey("hll");
        await redis.ExecuteAsync("PFADD", [sparse, .. Enumerable.Range(0, 100).Select(i => (object)("e" + i))]);
        for (var batch = 0; batch < 10; batch++)
            await redis.ExecuteAsync("PFADD", [dense, .. Enumerable.Range(0, 1000).Select(i => (object)("e" + batch + ":" + i))]);
        foreach (var key in new[] { sparse, dense })
        {
            var bytes = (byte[])(await redis.Db.StringGetAsync(key))!;
            await CheckAsync(key, new RdbString(bytes), Bytes.Same, "raw");
        }
    }

    [Fact]
    public async Task Small_lists()
    {
        var items = new[] { "a", "1", "-5", "", "9223372036854775807", "9223372036854775808", "x\r\n\0y", "01" };
        var key = RedisOracle.NewKey("list");
        await redis.Db.ListRightPushAsync(key, items.Select(i => (RedisValue)B(i)).ToArray());
        await CheckAsync(key, List(items), Bytes.Same, "quicklist");
    }

    [Fact]
    public async Task A_1000_item_list_with_10KB_items()
    {
        var random = new Random(3);
        var items = Enumerable.Range(0, 1000).Select(i =>
        {
            if (i % 50 == 7)
            {
                var big = new byte[10_240];
                random.NextBytes(big);
                return big;
            }
            return i % 3 == 0 ? B(i.ToString()) : B($"item number {i} " + new string('z', i % 40));
        }).ToArray();
        var key = RedisOracle.NewKey("biglist");
        foreach (var chunk in items.Chunk(100)) await redis.Db.ListRightPushAsync(key, chunk.Select(i => (RedisValue)i).ToArray());
        await CheckAsync(key, new RdbList(items), Bytes.Same, "quicklist");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(-1)]
    [InlineData(-5)]
    public async Task Lists_under_other_node_sizes(int fill)
    {
        var items = Enumerable.Range(0, 300).Select(i => B("element-" + i + new string('e', i % 70))).ToArray();
        var key = RedisOracle.NewKey("listfill");
        await using (await redis.ConfigAsync(("list-max-listpack-size", fill.ToString())))
        {
            foreach (var chunk in items.Chunk(50)) await redis.Db.ListRightPushAsync(key, chunk.Select(i => (RedisValue)i).ToArray());
        }
        await CheckAsync(key, new RdbList(items), Bytes.Same, new RdbEncodingOptions { ListMaxListpackSize = fill }, "quicklist");
    }

    [Fact]
    public async Task Intsets()
    {
        var members = new[] { "5", "-3", "100000", "-2147483649", "0", "9223372036854775807", "-9223372036854775808" };
        var key = RedisOracle.NewKey("intset");
        await redis.Db.SetAddAsync(key, members.Select(m => (RedisValue)B(m)).ToArray());
        await CheckAsync(key, Set(members), Bytes.Same, "intset");

        var small = RedisOracle.NewKey("intset16");
        await redis.Db.SetAddAsync(small, Enumerable.Range(-200, 400).Select(i => (RedisValue)i).ToArray());
        await CheckAsync(small, new RdbSet(Enumerable.Range(-200, 400).Select(i => B(i.ToString()))), Bytes.Same, "intset");
    }

    [Fact]
    public async Task A_600_member_integer_set_is_a_hash_table()
    {
        var key = RedisOracle.NewKey("intset600");
        await redis.Db.SetAddAsync(key, Enumerable.Range(0, 600).Select(i => (RedisValue)(i * 13)).ToArray());
        await CheckAsync(key, new RdbSet(Enumerable.Range(0, 600).Select(i => B((i * 13).ToString()))), Bytes.SameInRedisOrder, "hashtable");
    }

    [Fact]
    public async Task Sets_of_strings()
    {
        var key = RedisOracle.NewKey("set");
        var members = new[] { "a", "b", "", "x\0y", "1", "-0", "a long member that is long enough to be compressed, compressed" };
        await redis.Db.SetAddAsync(key, members.Select(m => (RedisValue)B(m)).ToArray());
        await CheckAsync(key, Set(members), Bytes.SameInRedisOrder, "hashtable");

        var single = RedisOracle.NewKey("set1");
        await redis.Db.SetAddAsync(single, "only");
        await CheckAsync(single, Set("only"), Bytes.Same, "hashtable"); // one member: no order to differ in
    }

    [Fact]
    public async Task Sets_under_a_small_intset_limit()
    {
        var key = RedisOracle.NewKey("setlimit");
        await using (await redis.ConfigAsync(("set-max-intset-entries", "10")))
        {
            await redis.Db.SetAddAsync(key, Enumerable.Range(0, 11).Select(i => (RedisValue)i).ToArray());
        }
        await CheckAsync(key, new RdbSet(Enumerable.Range(0, 11).Select(i => B(i.ToString()))), Bytes.SameInRedisOrder,
            new RdbEncodingOptions { SetMaxIntsetEntries = 10 }, "hashtable");
    }

    private static readonly string[] ScoreTexts =
    [
        "0", "1", "-1", "0.1", "-2.5", "1e20", "-1e-300", "inf", "-inf", "+inf", "4611686018427387904", "1e19",
        "123456789.125", "3.0000000000000004", "5e-324", "-0",
    ];

    [Fact]
    public async Task Small_sorted_sets_store_scores_as_zzlInsertAt_does()
    {
        var texts = ScoreTexts;
        var key = RedisOracle.NewKey("zset");
        for (var i = 0; i < texts.Length; i++) await redis.ExecuteAsync("ZADD", key, texts[i], "m" + (i % 3 == 0 ? i.ToString() : "ember" + i));
        var expected = await redis.ReadAsync(key);
        await CheckAsync(key, expected, Bytes.Same, "listpack");
    }

    [Fact]
    public async Task Sorted_sets_at_the_listpack_boundary()
    {
        foreach (var (count, memberLength, encoding) in new[] { (128, 64, "listpack"), (129, 10, "skiplist"), (3, 65, "skiplist") })
        {
            var key = RedisOracle.NewKey("zsetb");
            var entries = Enumerable.Range(0, count)
                .Select(i => new RdbSortedSetEntry(B(i.ToString().PadLeft(memberLength, 'm')), (i * 7 % 10) / 4.0)).ToArray();
            await redis.Db.SortedSetAddAsync(key, entries.Select(e => new SortedSetEntry(e.Member, e.Score)).ToArray());
            await CheckAsync(key, new RdbSortedSet(entries), Bytes.Same, encoding);
        }
    }

    [Fact]
    public async Task A_200_member_sorted_set_is_a_skiplist_with_the_same_bytes()
    {
        var random = new Random(200);
        var entries = Enumerable.Range(0, 200).Select(i => new RdbSortedSetEntry(
            i % 10 == 0 ? B((i * 1000).ToString()) : B("member-" + i),
            i % 17 == 0 ? double.PositiveInfinity : i % 19 == 0 ? double.NegativeInfinity : Math.Round(random.NextDouble() * 100, i % 4))).ToArray();
        var key = RedisOracle.NewKey("zset200");
        await redis.Db.SortedSetAddAsync(key, entries.Select(e => new SortedSetEntry(e.Member, e.Score)).ToArray());
        await CheckAsync(key, new RdbSortedSet(entries), Bytes.Same, "skiplist");
    }

    [Fact]
    public async Task Negative_zero_scores_stay_negative_in_a_skiplist()
    {
        var key = RedisOracle.NewKey("zsetneg0");
        await using (await redis.ConfigAsync(("zset-max-listpack-entries", "0")))
        {
            await redis.ExecuteAsync("ZADD", key, "-0", "a", "0", "b");
        }
        var options = new RdbEncodingOptions { ZSetMaxListpackEntries = 0 };
        await CheckAsync(key, ZSet(("a", -0.0), ("b", 0.0)), Bytes.Same, options, "skiplist");
        Assert.True(DumpPayload.TryDecode(await redis.DumpAsync(key), out var value, out _));
        Assert.True(double.IsNegative(((RdbSortedSet)value).Entries.Single(e => e.Member[0] == 'a').Score));
    }

    [Fact]
    public async Task Sorted_sets_under_small_limits()
    {
        var key = RedisOracle.NewKey("zsetlimit");
        await using (await redis.ConfigAsync(("zset-max-listpack-entries", "4"), ("zset-max-listpack-value", "3")))
        {
            await redis.ExecuteAsync("ZADD", key, "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
        }
        await CheckAsync(key, ZSet(("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5)), Bytes.Same,
            new RdbEncodingOptions { ZSetMaxListpackEntries = 4, ZSetMaxListpackValue = 3 }, "skiplist");
    }

    [Fact]
    public async Task Small_hashes()
    {
        var fields = new[] { ("name", "value"), ("1", "2"), ("", ""), ("bin\0\r\n", "\u00ff"), ("-7", "9223372036854775808"), ("long", new string('v', 64)) };
        var key = RedisOracle.NewKey("hash");
        foreach (var (name, value) in fields) await redis.Db.HashSetAsync(key, B(name), B(value));
        await CheckAsync(key, Hash(fields), Bytes.Same, "listpack");
    }

    [Fact]
    public async Task Hashes_at_the_listpack_boundary()
    {
        var key = RedisOracle.NewKey("hash512");
        var fields = Enumerable.Range(0, 512).Select(i => new RdbHashField(B("field:" + i), B((i * 31).ToString()))).ToArray();
        foreach (var chunk in fields.Chunk(100)) await redis.Db.HashSetAsync(key, chunk.Select(f => new HashEntry(f.Name, f.Value)).ToArray());
        await CheckAsync(key, new RdbHash(fields), Bytes.Same, "listpack");

        var wide = RedisOracle.NewKey("hash65");
        await redis.Db.HashSetAsync(wide, "f", new string('v', 65));
        await CheckAsync(wide, Hash(("f", new string('v', 65))), Bytes.Same, "hashtable"); // one field: no order
    }

    [Fact]
    public async Task A_10000_field_hash()
    {
        var key = RedisOracle.NewKey("hash10k");
        var fields = Enumerable.Range(0, 10_000).Select(i => new RdbHashField(B("field:" + i), B(i % 5 == 0 ? i.ToString() : "value " + i + new string('v', i % 50)))).ToArray();
        foreach (var chunk in fields.Chunk(1000)) await redis.Db.HashSetAsync(key, chunk.Select(f => new HashEntry(f.Name, f.Value)).ToArray());
        await CheckAsync(key, new RdbHash(fields), Bytes.SameInRedisOrder, "hashtable");
    }

    [Fact]
    public async Task Hashes_under_small_limits()
    {
        var key = RedisOracle.NewKey("hashlimit");
        await using (await redis.ConfigAsync(("hash-max-listpack-entries", "4"), ("hash-max-listpack-value", "8")))
        {
            await redis.Db.HashSetAsync(key, Enumerable.Range(0, 5).Select(i => new HashEntry("f" + i, "v" + i)).ToArray());
        }
        await CheckAsync(key, new RdbHash(Enumerable.Range(0, 5).Select(i => new RdbHashField(B("f" + i), B("v" + i)))), Bytes.SameInRedisOrder,
            new RdbEncodingOptions { HashMaxListpackEntries = 4, HashMaxListpackValue = 8 }, "hashtable");
    }

    [Fact]
    public async Task Lists_built_from_the_head_have_another_node_layout()
    {
        var items = Enumerable.Range(0, 3000).Select(i => B("item " + i + " " + new string('h', i % 30))).ToArray();
        var key = RedisOracle.NewKey("lpush");
        foreach (var item in items) await redis.Db.ListLeftPushAsync(key, item);
        await CheckAsync(key, new RdbList(items.Reverse()), Bytes.Different, "quicklist");
    }

    [Fact]
    public async Task Lists_with_compressed_nodes_decode()
    {
        // list-compress-depth 1 keeps all but the end nodes LZF-compressed in memory, and DUMP writes them so.
        var items = Enumerable.Range(0, 3000).Select(i => B("compressible item " + (i % 10) + " " + new string('c', 20))).ToArray();
        var key = RedisOracle.NewKey("listlzf");
        await using (await redis.ConfigAsync(("list-compress-depth", "1")))
        {
            foreach (var chunk in items.Chunk(500)) await redis.Db.ListRightPushAsync(key, chunk.Select(i => (RedisValue)i).ToArray());
        }
        await CheckAsync(key, new RdbList(items), Bytes.Different, "quicklist");
    }

    [Fact]
    public async Task Streams_are_refused_as_unsupported()
    {
        var key = RedisOracle.NewKey("stream");
        await redis.ExecuteAsync("XADD", key, "*", "field", "value");
        Assert.False(DumpPayload.TryDecode(await redis.DumpAsync(key), out _, out var error));
        Assert.Equal(DumpPayloadErrorKind.UnsupportedType, error.Kind);
    }

    /// <summary>How our payload compares with Redis's DUMP.</summary>
    public enum Bytes
    {
        /// <summary>Byte for byte.</summary>
        Same,

        /// <summary>Byte for byte once the members are in Redis's (hash table) order, which DUMP's decoding keeps.</summary>
        SameInRedisOrder,

        /// <summary>
        /// A list whose node layout comes from its history: LPUSH fills nodes from the head, list-compress-depth keeps
        /// nodes compressed. We always write the layout of RPUSH with uncompressed nodes.
        /// </summary>
        Different,
    }

    private Task CheckAsync(RedisKey key, RdbValue expected, Bytes bytes, params string[] encodings) =>
        CheckAsync(key, expected, bytes, RdbEncodingOptions.Default, encodings);

    private async Task CheckAsync(RedisKey key, RdbValue expected, Bytes bytes, RdbEncodingOptions options, params string[] encodings)
    {
        Assert.Contains(await redis.EncodingAsync(key), encodings);
        AssertSame(expected, await redis.ReadAsync(key));

        var dump = await redis.DumpAsync(key);
        Assert.True(DumpPayload.TryDecode(dump, out var decoded, out var error), error?.Detail);
        AssertSame(expected, decoded);
        AssertOrder(expected, decoded);

        var ours = DumpPayload.Encode(expected, options);
        if (bytes == Bytes.Same) Assert.Equal(Convert.ToHexString(dump), Convert.ToHexString(ours));
        if (bytes != Bytes.Different) Assert.Equal(Convert.ToHexString(dump), Convert.ToHexString(DumpPayload.Encode(decoded, options)));

        var copy = RedisOracle.NewKey("restored");
        Assert.Null(await redis.RestoreAsync(copy, ours));
        AssertSame(expected, await redis.ReadAsync(copy));
        AssertOrder(expected, await redis.ReadAsync(copy));
    }

    // Of the collections, only lists have an order every encoding keeps.
    private static void AssertOrder(RdbValue expected, RdbValue actual)
    {
        if (expected is RdbList list) Assert.Equal(list.Items, ((RdbList)actual).Items);
    }
}
