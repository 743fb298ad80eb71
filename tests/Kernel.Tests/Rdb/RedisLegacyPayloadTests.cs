using RedisOnMySql.Kernel.Rdb;
using static RedisOnMySql.Kernel.Tests.Rdb.RdbModel;
using static RedisOnMySql.Kernel.Tests.Rdb.RdbPayloads;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// Payloads no Redis 7.0 DUMP writes but its RESTORE accepts (older encodings, odd but legal forms), built by hand:
/// redis-server restores each, and we decode each to what it then holds.
/// </summary>
[Collection(RedisOracleCollection.Name)]
public class RedisLegacyPayloadTests(RedisOracle redis)
{
    private static readonly byte[] Big300 = B(new string('v', 300));

    public static TheoryData<string, byte[], RdbValue> Payloads => new()
    {
        {
            "old linked list (1) with an int8-encoded item",
            Concat([1], Length(3), RawString(B("a")), [0xC0, 5], RawString(B("xyz"))),
            List("a", "5", "xyz")
        },
        {
            "old sorted set (3) with text scores and the inf / -inf bytes",
            Concat([3], Length(3), RawString(B("a")), [3], B("1.5"), RawString(B("b")), [254], RawString(B("c")), [255]),
            ZSet(("a", 1.5), ("b", double.PositiveInfinity), ("c", double.NegativeInfinity))
        },
        {
            "zipmap hash (9) with free bytes and a 5-byte length",
            Concat([9], RawString(Zipmap([(B("f1"), B("v1")), (B("field2"), Big300), (B(""), B(""))], freeBytes: 2))),
            new RdbHash([new RdbHashField(B("f1"), B("v1")), new RdbHashField(B("field2"), Big300), new RdbHashField([], [])])
        },
        {
            "zipmap hash (9) of 300 pairs, its count unknown (254)",
            Concat([9], RawString(Zipmap(Enumerable.Range(0, 300).Select(i => (B("k" + i), B("v" + i)))))),
            new RdbHash(Enumerable.Range(0, 300).Select(i => new RdbHashField(B("k" + i), B("v" + i))))
        },
        {
            "ziplist list (10) with every entry encoding",
            Concat([10], RawString(Ziplist(0L, 12L, 13L, -1L, 127L, -128L, 200L, 32767L, -32768L, 40000L, 8388607L, -8388608L,
                8388608L, (long)int.MaxValue, long.MinValue, B("str"), B(new string('s', 100)), B(new string('L', 20000)), B(""), 1L))),
            List("0", "12", "13", "-1", "127", "-128", "200", "32767", "-32768", "40000", "8388607", "-8388608", "8388608",
                int.MaxValue.ToString(), long.MinValue.ToString(), "str", new string('s', 100), new string('L', 20000), "", "1")
        },
        {
            "ziplist sorted set (12) with integer and text scores",
            Concat([12], RawString(Ziplist(B("a"), 1L, B("b"), B("2.5"), B("c"), B("inf"), B("d"), -3L, 100L, B("-0.5"), B("e"), B("1e3x")))),
            ZSet(("a", 1), ("b", 2.5), ("c", double.PositiveInfinity), ("d", -3), ("100", -0.5), ("e", 1000))
        },
        {
            "ziplist hash (13)",
            Concat([13], RawString(Ziplist(B("f"), B("v"), 1L, 2L, B("big"), Big300))),
            new RdbHash([new RdbHashField(B("f"), B("v")), new RdbHashField(B("1"), B("2")), new RdbHashField(B("big"), Big300)])
        },
        {
            "quicklist of ziplists (14), an empty node skipped",
            Concat([14], Length(3), RawString(Ziplist(B("a"), 2L)), RawString(Ziplist()), RawString(Ziplist(B("c")))),
            List("a", "2", "c")
        },
        {
            "quicklist (18) with a PLAIN node",
            Concat([18], Length(3), [1], RawString(B("plain item")), [2], RawString(Listpack(B("a"), B("b"))), [1], [0xC0, 7]),
            List("plain item", "a", "b", "7")
        },
        {
            "quicklist (18) whose container is written as an encoded-length byte",
            Concat([18], Length(1), [0xC2], RawString(Listpack(B("x")))),
            List("x")
        },
        {
            "quicklist (18) with an empty listpack node skipped",
            Concat([18], Length(2), [2], RawString(Listpack()), [2], RawString(Listpack(B("y")))),
            List("y")
        },
        {
            "listpack hash (16) with 12- and 32-bit string lengths",
            Concat([16], RawString(Listpack(B("f"), B(new string('m', 100)), B("g"), B(new string('n', 5000))))),
            Hash(("f", new string('m', 100)), ("g", new string('n', 5000)))
        },
        {
            "listpack sorted set (17) with a text score and an integer member",
            Concat([17], RawString(Listpack(B("7"), B("1.5"), B("m"), B("-2")))),
            ZSet(("7", 1.5), ("m", -2))
        },
        {
            "intset (11) wider than needed",
            Concat([11], RawString([8, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0])),
            Set("1", "2")
        },
        {
            "set (2) whose count is written as an encoded-length byte",
            Concat([2], [0xC2], RawString(B("a")), RawString(B("b"))),
            Set("a", "b")
        },
        {
            "string with a 32-bit length",
            Concat([0], [0x80, 0, 0, 0, 3], B("abc")),
            Str("abc")
        },
        {
            "empty string compressed to nothing (LZF 0 / 0)",
            Concat([0], [0xC3, 0, 0]),
            Str("")
        },
        {
            "empty string from LZF bytes that decompress to nothing fitting",
            Concat([0], [0xC3, 2, 0, 0x00, 0x41]),
            Str("")
        },
        {
            "string with a 64-bit length",
            Concat([0], [0x81, 0, 0, 0, 0, 0, 0, 0, 2], B("hi")),
            Str("hi")
        },
        {
            "hash (4) with int-encoded fields and values",
            Concat([4], Length(2), [0xC0, 1], [0xC1, 0xE8, 0x03], RawString(B("f")), [0xC2, 0xA0, 0x86, 0x01, 0x00]),
            Hash(("1", "1000"), ("f", "100000"))
        },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Redis_restores_it_and_we_decode_it_alike(string name, byte[] body, RdbValue expected)
    {
        var payload = WithFooter(body);
        var key = RedisOracle.NewKey("legacy");
        Assert.True(await redis.RestoreAsync(key, payload) == null, name);
        AssertSame(expected, await redis.ReadAsync(key));

        Assert.True(DumpPayload.TryDecode(payload, out var decoded, out var error), error?.Detail);
        AssertSame(expected, decoded);
        if (expected is RdbList list) Assert.Equal(list.Items, ((RdbList)decoded).Items);
    }

    [Fact]
    public async Task Any_rdb_version_up_to_10_is_accepted()
    {
        var body = Concat([0], RawString(B("v")));
        foreach (ushort version in new ushort[] { 0, 1, 6, 9, 10 })
        {
            Assert.Null(await redis.RestoreAsync(RedisOracle.NewKey("version"), WithFooter(body, version)));
            Assert.True(DumpPayload.TryDecode(WithFooter(body, version), out _, out _));
        }
    }

    [Fact]
    public async Task A_value_cut_short_reads_into_the_footer_and_trailing_bytes_are_ignored_as_redis_does()
    {
        foreach (var body in new[]
        {
            Concat([0], [7], B("hello")), // the string's last 2 bytes are the version
            Concat([0], RawString(B("hello")), B("trailing garbage")),
            Concat([2], Length(1), RawString(B("m")), [0xFF, 0xFF]),
        })
        {
            var payload = WithFooter(body);
            var key = RedisOracle.NewKey("footer");
            Assert.Null(await redis.RestoreAsync(key, payload));
            Assert.True(DumpPayload.TryDecode(payload, out var decoded, out var error), error?.Detail);
            AssertSame(await redis.ReadAsync(key), decoded!);
        }
    }

    [Theory]
    [MemberData(nameof(DoubleTextTests.ScanfCases), MemberType = typeof(DoubleTextTests))]
    public async Task Old_sorted_set_scores_read_like_redis(string text, string? expected)
    {
        var payload = WithFooter(Concat([3], Length(1), RawString(B("m")), [(byte)B(text).Length], B(text)));
        var key = RedisOracle.NewKey("score");
        var redisError = await redis.RestoreAsync(key, payload);
        var ours = DumpPayload.TryDecode(payload, out var decoded, out var error);
        Assert.Equal(redisError == null, ours);
        Assert.Equal(expected == null, !ours);
        if (!ours)
        {
            Assert.Equal(redisError, error!.RedisErrorMessage);
            return;
        }
        AssertSame(await redis.ReadAsync(key), decoded!);
    }
}
