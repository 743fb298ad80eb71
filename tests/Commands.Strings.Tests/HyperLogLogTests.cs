using System.Text;
using RedisOnMySql.Commands.Strings.HyperLogLog;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

[Collection(StringsCollection.Name)]
public class HyperLogLogTests(StringsFixture fixture)
{
    private const string NotHll = "-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n";
    private const string Corrupted = "-INVALIDOBJ Corrupted HLL object detected\r\n";

    [Fact]
    public async Task Pfadd_creates_the_key_and_answers_whether_a_register_changed()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFADD", k, "a", "b", "c"));
        Assert.Equal(RespText.Int(0), await raw.CommandAsync("PFADD", k, "a", "b"));
        Assert.Equal(RespText.Int(0), await raw.CommandAsync("PFADD", k));
        Assert.Equal(RespText.Int(3), await raw.CommandAsync("PFCOUNT", k));
        Assert.Equal("+sparse\r\n", await raw.CommandAsync("PFDEBUG", "ENCODING", k));

        // No elements still creates an empty HyperLogLog.
        var empty = ProxyFixture.Key();
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFADD", empty));
        Assert.Equal(RespText.Int(0), await raw.CommandAsync("PFCOUNT", empty));
        Assert.Equal(RespText.Bulk("Z:16384"), await raw.CommandAsync("PFDEBUG", "DECODE", empty));
    }

    [Fact]
    public async Task Values_are_redis_bytes_before_and_after_pfcount_caches_the_cardinality()
    {
        using var both = await BothAsync();
        await both.SameAsync("PFADD", both.Key, "a", "b", "c");
        await both.SameAsync("GET", both.Key);
        // The top bit of the cached cardinality marks it stale.
        Assert.Equal(0x80, (await fixture.RowAsync(both.Key))!.Value.Value![15]);
        await both.SameAsync("PFCOUNT", both.Key);
        var cached = (await fixture.RowAsync(both.Key))!.Value.Value!;
        Assert.Equal(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0 }, cached[8..16]);
        await both.SameAsync("GET", both.Key);
        await both.SameAsync("PFADD", both.Key, "d");
        await both.SameAsync("GET", both.Key);
        await both.SameAsync("PFDEBUG", "DECODE", both.Key);
    }

    [Fact]
    public async Task Sparse_values_turn_dense_past_hll_sparse_max_bytes_as_in_redis()
    {
        using var both = await BothAsync();
        var random = new Random(7);
        string encoding;
        do
        {
            await both.SameAsync(["PFADD", both.Key, .. Elements(random, 100)]);
            await both.SameAsync("GET", both.Key);
            await both.SameAsync("PFCOUNT", both.Key);
            encoding = Encoding.ASCII.GetString(await both.SameAsync("PFDEBUG", "ENCODING", both.Key));
        } while (encoding == "+sparse\r\n");
        Assert.Equal("+dense\r\n", encoding);
        Assert.Equal(HllDense.ValueSize, (await fixture.RowAsync(both.Key))!.Value.Value!.Length);
        await both.SameAsync(["PFADD", both.Key, .. Elements(random, 500)]);
        await both.SameAsync("GET", both.Key);
        await both.SameAsync("PFCOUNT", both.Key);
    }

    [Fact]
    public async Task Pfcount_of_several_keys_counts_the_union_and_writes_nothing()
    {
        using var both = await BothAsync();
        string a = both.Key, b = ProxyFixture.Key(), dense = ProxyFixture.Key(), missing = ProxyFixture.Key("missing");
        var random = new Random(11);
        await both.SameAsync(["PFADD", a, .. Elements(random, 200)]);
        await both.SameAsync(["PFADD", b, .. Elements(random, 300)]);
        await both.SameAsync(["PFADD", dense, .. Elements(random, 3000)]);
        var before = (await fixture.RowAsync(a))!.Value.Value;
        await both.SameAsync("PFCOUNT", a, b);
        await both.SameAsync("PFCOUNT", a, b, dense, missing, a);
        await both.SameAsync("PFCOUNT", missing, ProxyFixture.Key("missing"));
        Assert.Equal(before, (await fixture.RowAsync(a))!.Value.Value);
        await both.SameAsync("GET", b);
    }

    [Fact]
    public async Task Pfmerge_stores_the_union_in_the_destination_as_redis_does()
    {
        using var both = await BothAsync();
        string sparseA = ProxyFixture.Key(), sparseB = ProxyFixture.Key(), dense = ProxyFixture.Key(), missing = ProxyFixture.Key("missing");
        var random = new Random(13);
        await both.SameAsync(["PFADD", sparseA, .. Elements(random, 150)]);
        await both.SameAsync(["PFADD", sparseB, .. Elements(random, 150)]);
        await both.SameAsync(["PFADD", dense, .. Elements(random, 4000)]);

        // Sparse into a new key: register by register through the sparse encoding.
        await both.SameAsync("PFMERGE", both.Key, sparseA, sparseB);
        await both.SameAsync("GET", both.Key);
        await both.SameAsync("PFCOUNT", both.Key);
        // The destination is an input too; a dense input makes it dense.
        await both.SameAsync("PFMERGE", sparseA, dense, missing);
        await both.SameAsync("GET", sparseA);
        await both.SameAsync("PFDEBUG", "ENCODING", sparseA);
        // No existing input: an empty HyperLogLog with a stale cache.
        var empty = ProxyFixture.Key();
        await both.SameAsync("PFMERGE", empty, missing);
        await both.SameAsync("GET", empty);
        await both.SameAsync("PFMERGE", sparseB);
        await both.SameAsync("GET", sparseB);
    }

    [Fact]
    public async Task A_hyperloglog_built_by_redis_counts_and_merges_the_same_here()
    {
        using var redis = new RawRespClient(RedisServer.Shared.Port);
        using var raw = await fixture.RawAsync();
        var random = new Random(17);
        string fromRedis = ProxyFixture.Key(), native = ProxyFixture.Key(), merged = ProxyFixture.Key();
        await redis.CommandAsync(["PFADD", fromRedis, .. Elements(random, 5000)]);
        var redisBytes = await RedisValueAsync(redis, fromRedis);
        await raw.CommandBytesAsync(RespText.Args("SET", fromRedis, redisBytes));
        Assert.Equal(await redis.CommandAsync("PFCOUNT", fromRedis), await raw.CommandAsync("PFCOUNT", fromRedis));

        var nativeElements = Elements(random, 400);
        await redis.CommandAsync(["PFADD", native, .. nativeElements]);
        await raw.CommandAsync(["PFADD", native, .. nativeElements]);
        Assert.Equal(await redis.CommandAsync("PFMERGE", merged, native, fromRedis), await raw.CommandAsync("PFMERGE", merged, native, fromRedis));
        Assert.Equal(await RedisValueAsync(redis, merged), (await fixture.RowAsync(merged))!.Value.Value);
        Assert.Equal(await redis.CommandAsync("PFCOUNT", merged, native), await raw.CommandAsync("PFCOUNT", merged, native));
        await redis.CommandAsync("DEL", fromRedis, native, merged);
    }

    [Fact]
    public async Task Concurrent_pfadds_of_many_clients_end_with_redis_bytes_and_count_each_change_once()
    {
        using var redis = new RawRespClient(RedisServer.Shared.Port);
        var key = ProxyFixture.Key();
        var elements = Elements(new Random(23), 3000);
        await redis.CommandAsync(["PFADD", key, .. elements]);
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.ConnectAsync()));
        try
        {
            // One element per PFADD from 8 connections at once, so batches mix them; each of the first 300 is sent again
            // later on the same connection (3000 is a multiple of 8), when it can change nothing.
            var adds = elements.Concat(elements.Take(300)).Select((element, i) =>
                connections[i % connections.Length].GetDatabase().HyperLogLogAddAsync(key, element)).ToList();
            var changed = await Task.WhenAll(adds);
            Assert.All(changed.Skip(elements.Length), Assert.False);
            Assert.Equal(await RedisValueAsync(redis, key), await ProxyValueAsync(key));
            Assert.Equal(await redis.CommandAsync("PFCOUNT", key), await (await fixture.RawAsync()).CommandAsync("PFCOUNT", key));
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
            await redis.CommandAsync("DEL", key);
        }
    }

    private async Task<byte[]> ProxyValueAsync(string key)
    {
        await using var client = await fixture.ConnectAsync();
        return (byte[])(await client.GetDatabase().StringGetAsync(key))!;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Sparse_values_of_any_layout_change_as_in_redis(int seed)
    {
        using var both = await BothAsync();
        var random = new Random(seed);
        string a = both.Key, b = ProxyFixture.Key(), c = ProxyFixture.Key();
        foreach (var key in new[] { a, b, c })
            await both.SameAsync(RespText.Args("SET", key, Value("HYLL", 1, RandomOpcodes(random))));
        for (int round = 0; round < 8; round++)
        {
            await both.SameAsync(["PFADD", a, .. Elements(random, 25)]);
            await both.SameAsync("GET", a);
        }
        await both.SameAsync("PFCOUNT", a);
        await both.SameAsync("PFCOUNT", b, c);
        await both.SameAsync("PFMERGE", c, a, b);
        await both.SameAsync("GET", c);
    }

    [Theory]
    [MemberData(nameof(BinarySamples.Bytes), MemberType = typeof(BinarySamples))]
    public async Task Binary_elements_and_keys_hash_as_in_redis(byte[] element)
    {
        using var both = await BothAsync();
        var key = Encoding.UTF8.GetBytes(both.Key).Concat(element).ToArray();
        await both.SameAsync(RespText.Args("PFADD", key, element, "x"));
        await both.SameAsync(RespText.Args("GET", key));
        await both.SameAsync(RespText.Args("PFCOUNT", key));
    }

    [Fact]
    public async Task Pfdebug_reads_registers_and_converts_to_dense()
    {
        using var both = await BothAsync();
        await both.SameAsync("PFADD", both.Key, "a", "b", "c");
        await both.SameAsync("PFDEBUG", "decode", both.Key);
        await both.SameAsync("PFDEBUG", "ENCODING", both.Key);
        await both.SameAsync("PFDEBUG", "GETREG", both.Key);
        await both.SameAsync("GET", both.Key);
        await both.SameAsync("PFDEBUG", "TODENSE", both.Key);
        await both.SameAsync("PFDEBUG", "DECODE", both.Key);

        var other = ProxyFixture.Key();
        await both.SameAsync("PFADD", other, "a");
        await both.SameAsync("PFDEBUG", "TODENSE", other);
        await both.SameAsync("PFDEBUG", "TODENSE", other);
        await both.SameAsync("GET", other);
        await both.SameAsync("PFDEBUG", "NOPE", other);
        var missing = ProxyFixture.Key("missing");
        await both.SameAsync("PFDEBUG", "GETREG", missing);
        await both.SameAsync("PFDEBUG", "NOPE", missing);
        await both.SameAsync("PFDEBUG", "NO\0PE", other);
    }

    [Fact]
    public async Task Wrong_arity()
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal(RespText.Error("ERR wrong number of arguments for 'pfadd' command"), await raw.CommandAsync("PFADD"));
        Assert.Equal(RespText.Error("ERR wrong number of arguments for 'pfcount' command"), await raw.CommandAsync("PFCOUNT"));
        Assert.Equal(RespText.Error("ERR wrong number of arguments for 'pfmerge' command"), await raw.CommandAsync("PFMERGE"));
        Assert.Equal(RespText.Error("ERR wrong number of arguments for 'pfdebug' command"), await raw.CommandAsync("PFDEBUG", "GETREG"));
        Assert.Equal(RespText.Error("ERR wrong number of arguments for 'pfdebug' command"), await raw.CommandAsync("PFDEBUG", "GETREG", "a", "b"));
    }

    [Fact]
    public async Task Another_type_is_wrongtype_and_stays_as_it_was()
    {
        using var raw = await fixture.RawAsync();
        var hash = ProxyFixture.Key("hash");
        var hll = ProxyFixture.Key();
        await fixture.InsertKeyOfTypeAsync(hash);
        await raw.CommandAsync("PFADD", hll, "a");
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("PFADD", hash, "a"));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("PFCOUNT", hash));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("PFCOUNT", hll, hash));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("PFMERGE", hll, hash));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("PFMERGE", hash, hll));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("PFDEBUG", "ENCODING", hash));
        Assert.Equal(2, (await fixture.RowAsync(hash))!.Value.Type);
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFCOUNT", hll));
    }

    public static TheoryData<byte[], string> InvalidValues => new()
    {
        { "plain"u8.ToArray(), NotHll },
        { "HYLL"u8.ToArray(), NotHll },
        { Value("HYLX", 1, [0x7f, 0xff]), NotHll },
        { Value("HYLL", 2, [0x7f, 0xff]), NotHll },
        { Value("HYLL", 0, new byte[100]), NotHll },
        { Value("HYLL", 0, new byte[HllDense.RegistersSize + 1]), NotHll },
        { "12345678901234567890"u8.ToArray(), NotHll },
        { Value("HYLL", 1, []), Corrupted },
        { Value("HYLL", 1, [0x7f, 0xfe]), Corrupted },
        { Value("HYLL", 1, [0x7f, 0xff, 0x00]), Corrupted },
        { Value("HYLL", 1, [0x7f]), Corrupted },
        // Opcodes past the last register: Redis refuses them since the fix of CVE-2025-32023.
        { Value("HYLL", 1, [0x7f, 0xff, 0x80]), Corrupted },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task Invalid_values_answer_what_redis_answers_and_stay_as_they_were(byte[] value, string error)
    {
        using var both = await BothAsync();
        string k = both.Key, good = ProxyFixture.Key();
        await both.SameAsync(RespText.Args("SET", k, value));
        await both.SameAsync("PFADD", good, "a");
        Assert.Equal(error, Encoding.UTF8.GetString(await both.SameAsync("PFCOUNT", k)));
        await both.SameAsync("PFCOUNT", good, k);
        await both.SameAsync("PFMERGE", good, k);
        await both.SameAsync("PFMERGE", k, good);
        await both.SameAsync("PFDEBUG", "TODENSE", k);
        await both.SameAsync("PFDEBUG", "DECODE", k);
        await both.SameAsync("GET", k);
        await both.SameAsync("GET", good);
        // One element at a time, Redis's PFADD changes some corrupt sparse values in place as it does valid ones.
        for (int i = 0; i < 10; i++)
        {
            await both.SameAsync("PFADD", k, $"x{i}");
            await both.SameAsync("GET", k);
        }
    }

    [Fact]
    public async Task A_pfadd_that_finds_corruption_writes_nothing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        // Opcodes for registers 0 to 16382 only: an element of register 16383 finds the value corrupt.
        var value = Value("HYLL", 1, [0x7f, 0xfe]);
        await raw.CommandBytesAsync(RespText.Args("SET", k, value));
        var last = Enumerable.Range(0, 1_000_000).Select(i => $"e{i}").First(e => HllValue.Observe(Encoding.UTF8.GetBytes(e)).Register == 16383);
        Assert.Equal(Corrupted, await raw.CommandAsync("PFADD", k, "a", "b", last));
        Assert.Equal(value, (await fixture.RowAsync(k))!.Value.Value);
        Assert.Equal(Corrupted, await raw.CommandAsync("PFCOUNT", k));
    }

    [Fact]
    public async Task Pfadd_pfmerge_and_pfcount_keep_the_ttl()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key(), source = ProxyFixture.Key();
        await raw.CommandAsync("PFADD", k, "a");
        await raw.CommandAsync("PEXPIRE", k, "100000");
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFADD", k, "b"));
        Assert.Equal(RespText.Int(2), await raw.CommandAsync("PFCOUNT", k));
        await raw.CommandAsync("PFADD", source, "c");
        Assert.Equal(RespText.Ok, await raw.CommandAsync("PFMERGE", k, source));
        Assert.Equal(RespText.Int(3), await raw.CommandAsync("PFCOUNT", k));
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFDEBUG", "TODENSE", k));
        Assert.NotNull((await fixture.RowAsync(k))!.Value.ExpiresAt);
    }

    [Fact]
    public async Task An_expired_key_counts_as_missing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await raw.CommandAsync("PFADD", k, "a", "b");
        await raw.CommandAsync("PEXPIRE", k, "1");
        await Task.Delay(20);
        Assert.Equal(RespText.Int(0), await raw.CommandAsync("PFCOUNT", k));
        Assert.Equal(RespText.Int(0), await raw.CommandAsync("PFCOUNT", k, k));
        Assert.Equal("-ERR The specified key does not exist\r\n", await raw.CommandAsync("PFDEBUG", "ENCODING", k));
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFADD", k, "a"));
        Assert.Equal(RespText.Int(1), await raw.CommandAsync("PFCOUNT", k));
        Assert.Null((await fixture.RowAsync(k))!.Value.ExpiresAt);
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var k = ProxyFixture.Key();
        await a.CommandAsync("PFADD", k, "a", "b");
        Assert.Equal(RespText.Int(0), await b.CommandAsync("PFCOUNT", k));
        Assert.Equal("-ERR The specified key does not exist\r\n", await b.CommandAsync("PFDEBUG", "ENCODING", k));
        Assert.Equal(RespText.Ok, await b.CommandAsync("PFMERGE", k));
        Assert.Equal(RespText.Int(1), await b.CommandAsync("PFADD", k, "z"));
        Assert.Equal(RespText.Int(2), await a.CommandAsync("PFCOUNT", k));
        Assert.Equal(RespText.Int(1), await b.CommandAsync("PFCOUNT", k));
    }

    [Fact]
    public async Task Estimates_past_a_long_answer_what_redis_answers()
    {
        using var both = await BothAsync();
        // Every register at 50: the estimate overflows, and Redis keeps the cached value stale.
        var registers = new byte[HllValue.RegisterCount];
        Array.Fill(registers, (byte)50);
        var dense = new byte[HllDense.RegistersSize];
        HllDense.Pack(registers, dense);
        await both.SameAsync(RespText.Args("SET", both.Key, Value("HYLL", 0, dense)));
        await both.SameAsync("PFCOUNT", both.Key);
        await both.SameAsync("GET", both.Key);
        await both.SameAsync("PFCOUNT", both.Key, ProxyFixture.Key("missing"));
    }

    private static byte[] Value(string magic, byte encoding, byte[] body) =>
        [.. Encoding.ASCII.GetBytes(magic), encoding, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, .. body];

    /// <summary>Valid sparse opcodes in a random mix Redis itself would not write: short runs of every kind.</summary>
    private static byte[] RandomOpcodes(Random random)
    {
        var opcodes = new List<byte>();
        for (int left = HllValue.RegisterCount; left > 0;)
        {
            int run;
            switch (random.Next(3))
            {
                case 0:
                    run = Math.Min(left, random.Next(1, 5));
                    opcodes.Add((byte)(0x80 | random.Next(32) << 2 | (run - 1)));
                    break;
                case 1:
                    run = Math.Min(left, random.Next(1, 65));
                    opcodes.Add((byte)(run - 1));
                    break;
                default:
                    run = Math.Min(left, random.Next(1, 400));
                    opcodes.Add((byte)(0x40 | (run - 1) >> 8));
                    opcodes.Add((byte)(run - 1));
                    break;
            }
            left -= run;
        }
        return [.. opcodes];
    }

    private static string[] Elements(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => $"element-{random.Next()}").ToArray();

    private static async Task<byte[]> RedisValueAsync(RawRespClient redis, string key)
    {
        var reply = await redis.CommandBytesAsync(RespText.Args("GET", key));
        int header = Array.IndexOf(reply, (byte)'\n') + 1;
        return reply[header..^2];
    }

    private async Task<RedisAndProxy> BothAsync() =>
        new(new RawRespClient(RedisServer.Shared.Port), await fixture.RawAsync());

    /// <summary>The test's redis-server and the proxy given the same commands, whose replies must be the same bytes.</summary>
    private sealed class RedisAndProxy(RawRespClient redis, RawRespClient proxy) : IDisposable
    {
        public string Key { get; } = ProxyFixture.Key();

        public Task<byte[]> SameAsync(params string[] args) => SameAsync(RespText.Args(args));

        public async Task<byte[]> SameAsync(byte[][] args)
        {
            var expected = await redis.CommandBytesAsync(args);
            var actual = await proxy.CommandBytesAsync(args);
            Assert.True(expected.AsSpan().SequenceEqual(actual),
                $"{string.Join(' ', args.Select(a => Encoding.UTF8.GetString(a)))}\n  redis: {Show(expected)}\n  proxy: {Show(actual)}");
            return actual;
        }

        private static string Show(byte[] reply) =>
            reply.Length > 300 ? Encoding.UTF8.GetString(reply[..300]) + $"... ({reply.Length} bytes)" : Encoding.UTF8.GetString(reply);

        public void Dispose()
        {
            redis.Dispose();
            proxy.Dispose();
        }
    }
}
