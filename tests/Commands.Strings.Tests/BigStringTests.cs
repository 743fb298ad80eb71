using System.Text;
using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>
/// Values past the inline limit live in 4 KB chunks under the key's id (keyspace.v is NULL): every string command
/// answers from them as from an inline value, and writes of a few bytes touch a chunk or two.
/// </summary>
[Collection(StringsCollection.Name)]
public class BigStringTests(StringsFixture fixture)
{
    private const int Chunk = 4096;

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private async Task<long> ChunkRowsAsync(string key) =>
        await fixture.ScalarAsync("SELECT COUNT(*) FROM string_chunks c JOIN keyspace k ON k.id = c.key_id WHERE k.tenant = 'tenantA' AND k.k = @v",
            Encoding.UTF8.GetBytes(key)) ?? 0;

    [Fact]
    public async Task A_big_value_is_stored_in_chunks_and_read_back_whole()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var key = ProxyFixture.Key();
        var value = RandomBytes(100_000, 1);
        Assert.True(await db.StringSetAsync(key, value));
        Assert.Equal(value, (byte[])(await db.StringGetAsync(key))!);
        Assert.Equal(100_000, await db.StringLengthAsync(key));
        Assert.Null((await fixture.RowAsync(key))!.Value.Value);
        Assert.Equal(25, await ChunkRowsAsync(key));
        Assert.Equal(value.AsSpan(4090, 20).ToArray(), (byte[])(await db.StringGetRangeAsync(key, 4090, 4109))!);
        Assert.Equal(value.AsSpan(100_000 - 5000).ToArray(), (byte[])(await db.StringGetRangeAsync(key, -5000, -1))!);
        Assert.Equal(value, (byte[])(await db.StringGetRangeAsync(key, 0, -1))!);
    }

    [Fact]
    public async Task Setrange_far_past_the_end_stores_only_the_chunk_it_writes()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var key = ProxyFixture.Key();
        const long offset = 64L * 1024 * 1024 - 1;
        Assert.Equal(offset + 1, (long)await db.StringSetRangeAsync(key, offset, "z"));
        Assert.Equal(offset + 1, await db.StringLengthAsync(key));
        Assert.Equal(1, await ChunkRowsAsync(key));
        Assert.Equal(new byte[10], (byte[])(await db.StringGetRangeAsync(key, 1000, 1009))!);
        Assert.Equal("\0\0z", (string?)await db.StringGetRangeAsync(key, -3, -1));

        Assert.Equal(offset + 1, (long)await db.StringSetRangeAsync(key, 5000, "hello"));
        Assert.Equal(2, await ChunkRowsAsync(key));
        Assert.Equal("\0hello\0", (string?)await db.StringGetRangeAsync(key, 4999, 5005));
    }

    [Fact]
    public async Task Setrange_and_append_across_chunk_boundaries_match_the_same_edits_in_memory()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var key = ProxyFixture.Key();
        var expected = new List<byte>(RandomBytes(10_000, 2));
        await db.StringSetAsync(key, expected.ToArray());
        var random = new Random(3);
        for (int round = 0; round < 20; round++)
        {
            var patch = RandomBytes(random.Next(1, 3 * Chunk), round);
            if (round % 3 == 0)
            {
                expected.AddRange(patch);
                Assert.Equal(expected.Count, (long)await db.StringAppendAsync(key, patch));
            }
            else
            {
                int at = random.Next(0, expected.Count + 2 * Chunk);
                while (expected.Count < at + patch.Length) expected.Add(0);
                for (int i = 0; i < patch.Length; i++) expected[at + i] = patch[i];
                Assert.Equal(expected.Count, (long)await db.StringSetRangeAsync(key, at, patch));
            }
        }
        Assert.Equal(expected.ToArray(), (byte[])(await db.StringGetAsync(key))!);
    }

    [Fact]
    public async Task An_inline_value_grows_into_chunks_and_keeps_its_ttl()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var key = ProxyFixture.Key();
        var start = RandomBytes(16_000, 4);
        await db.StringSetAsync(key, start, TimeSpan.FromSeconds(100));
        Assert.NotNull((await fixture.RowAsync(key))!.Value.Value);
        var suffix = RandomBytes(1000, 5);
        Assert.Equal(17_000, (long)await db.StringAppendAsync(key, suffix));
        Assert.Null((await fixture.RowAsync(key))!.Value.Value);
        Assert.Equal(start.Concat(suffix).ToArray(), (byte[])(await db.StringGetAsync(key))!);
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 90, 100);
    }

    [Fact]
    public async Task Overwriting_a_big_value_never_shows_its_old_chunks()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var key = ProxyFixture.Key();
        await db.StringSetAsync(key, Enumerable.Repeat((byte)'a', 50_000).ToArray());
        // A blind SET keeps the row's id; its chunks are no longer the key's, and growing again starts afresh.
        await db.StringSetAsync(key, "x");
        Assert.Equal("x", (string?)await db.StringGetAsync(key));
        Assert.Equal(20_001, (long)await db.StringSetRangeAsync(key, 20_000, "y"));
        var value = (byte[])(await db.StringGetAsync(key))!;
        Assert.Equal([(byte)'x', .. new byte[19_999], (byte)'y'], value);

        await db.StringSetAsync(key, Enumerable.Repeat((byte)'b', 30_000).ToArray());
        Assert.Equal(30_000, await db.StringLengthAsync(key));
        Assert.All((byte[])(await db.StringGetAsync(key))!, b => Assert.Equal((byte)'b', b));
    }

    [Fact]
    public async Task Get_variants_and_counters_on_big_values()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var key = ProxyFixture.Key();
        var big = RandomBytes(40_000, 6);
        var bigger = RandomBytes(50_000, 7);
        await db.StringSetAsync(key, big);
        Assert.Equal(big, (byte[])(await db.StringGetSetAsync(key, bigger))!);
        Assert.Equal(bigger, (byte[])(await db.StringGetAsync(key))!);
        Assert.Equal(bigger, (byte[])(await db.StringGetSetExpiryAsync(key, TimeSpan.FromSeconds(50)))!);
        Assert.NotNull(await db.KeyTimeToLiveAsync(key));
        await Assert.ThrowsAsync<RedisServerException>(() => db.StringIncrementAsync(key));
        await Assert.ThrowsAsync<RedisServerException>(() => db.StringIncrementAsync(key, 1.5));
        Assert.Equal(bigger, (byte[])(await db.StringGetDeleteAsync(key))!);
        Assert.False(await db.KeyExistsAsync(key));
    }

    [Fact]
    public async Task Mget_mset_and_msetnx_mix_big_and_small_values()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b"), c = ProxyFixture.Key("c"), d = ProxyFixture.Key("d");
        var big = RandomBytes(70_000, 8);
        Assert.True(await db.StringSetAsync([new(a, big), new(b, "small")]));
        await fixture.InsertKeyOfTypeAsync(c);
        var values = await db.StringGetAsync([a, b, c, ProxyFixture.Key("missing")]);
        Assert.Equal(big, (byte[])values[0]!);
        Assert.Equal("small", (string?)values[1]);
        Assert.True(values[2].IsNull);
        Assert.True(values[3].IsNull);
        Assert.True(await db.StringSetAsync([new(d, big)], When.NotExists));
        Assert.Equal(big, (byte[])(await db.StringGetAsync(d))!);
    }

    [Fact]
    public async Task Pipelined_and_concurrent_gets_answer_big_values_in_order()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string big = ProxyFixture.Key("big"), small = ProxyFixture.Key("small");
        var value = RandomBytes(30_000, 9);
        await db.StringSetAsync(big, value);
        await db.StringSetAsync(small, "s");
        var gets = Enumerable.Range(0, 60).Select(i => db.StringGetAsync(i % 3 == 0 ? big : small)).ToList();
        var replies = await Task.WhenAll(gets);
        for (int i = 0; i < replies.Length; i++)
        {
            if (i % 3 == 0) Assert.Equal(value, (byte[])replies[i]!);
            else Assert.Equal("s", (string?)replies[i]);
        }

        using var raw = await fixture.RawAsync();
        raw.Send([.. RawRespClient.Command("GET", small), .. RawRespClient.Command("GET", big), .. RawRespClient.Command("SET", big, "now small"),
            .. RawRespClient.Command("GET", big)]);
        Assert.Equal("$1\r\ns\r\n", await raw.ReadReplyAsync());
        Assert.Equal(Encoding.ASCII.GetBytes("$30000\r\n").Concat(value).Concat("\r\n"u8.ToArray()).ToArray(), await raw.ReadReplyBytesAsync());
        Assert.Equal("+OK\r\n", await raw.ReadReplyAsync());
        Assert.Equal("$9\r\nnow small\r\n", await raw.ReadReplyAsync());
    }

    [Fact]
    public async Task Copy_rename_and_expiry_carry_the_chunks()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string source = ProxyFixture.Key("src"), copy = ProxyFixture.Key("copy"), renamed = ProxyFixture.Key("renamed");
        var value = RandomBytes(20_000, 10);
        await db.StringSetAsync(source, value);
        Assert.True(await db.KeyCopyAsync(source, copy));
        await db.StringSetRangeAsync(copy, 0, "changed");
        Assert.Equal(value, (byte[])(await db.StringGetAsync(source))!);
        Assert.Equal("changed", (string?)await db.StringGetRangeAsync(copy, 0, 6));
        Assert.Equal(value.AsSpan(7).ToArray(), (byte[])(await db.StringGetRangeAsync(copy, 7, -1))!);

        Assert.True(await db.KeyRenameAsync(source, renamed));
        Assert.Equal(value, (byte[])(await db.StringGetAsync(renamed))!);
        Assert.True(await db.KeyExpireAsync(renamed, TimeSpan.FromMilliseconds(50)));
        await Task.Delay(120);
        Assert.True((await db.StringGetAsync(renamed)).IsNull);
        Assert.Equal(0, await db.StringLengthAsync(renamed));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_a_big_value()
    {
        await using var a = await fixture.ConnectAsync();
        await using var b = await fixture.ConnectAsync(ProxyFixture.UserB);
        var key = ProxyFixture.Key();
        await a.GetDatabase().StringSetAsync(key, RandomBytes(20_000, 11));
        Assert.True((await b.GetDatabase().StringGetAsync(key)).IsNull);
        Assert.Equal(0, await b.GetDatabase().StringLengthAsync(key));
        Assert.Equal(3, (long)await b.GetDatabase().StringSetRangeAsync(key, 0, "abc"));
        Assert.Equal(20_000, await a.GetDatabase().StringLengthAsync(key));
    }

    [Fact]
    public async Task The_last_bit_of_a_512_mb_bitmap_stores_one_chunk()
    {
        using var raw = await fixture.RawAsync();
        var key = ProxyFixture.Key();
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETBIT", key, "4294967295", "1"));
        Assert.Equal(":536870912\r\n", await raw.CommandAsync("STRLEN", key));
        Assert.Equal(1, await ChunkRowsAsync(key));
        Assert.Equal(":1\r\n", await raw.CommandAsync("GETBIT", key, "4294967295"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("GETBIT", key, "4294967294"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("BITCOUNT", key));
        Assert.Equal(":4294967295\r\n", await raw.CommandAsync("BITPOS", key, "1"));
        Assert.Equal("$2\r\n\0\u0001\r\n", await raw.CommandAsync("GETRANGE", key, "-2", "-1"));
        Assert.StartsWith("-ERR bit offset is not an integer or out of range", await raw.CommandAsync("SETBIT", key, "4294967296", "1"));
    }

    [Fact]
    public async Task Setbits_of_many_clients_and_pipelines_each_see_the_bits_before_them()
    {
        var key = ProxyFixture.Key();
        var random = new Random(12);
        // Offsets across an inline start and far into chunks, some repeated, so later SETBITs see earlier ones' bits.
        var offsets = Enumerable.Range(0, 400).Select(_ => random.Next(0, 4) == 0 ? random.Next(0, 64) : random.Next(0, 2_000_000)).ToList();
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.ConnectAsync()));
        try
        {
            var replies = await Task.WhenAll(offsets.Select((offset, i) =>
                connections[i % connections.Length].GetDatabase().StringSetBitAsync(key, offset, true)));
            // Each offset's first SETBIT found it clear, every later one set, whatever the batching.
            var byOffset = offsets.Select((offset, i) => (offset, replies[i])).GroupBy(x => x.offset);
            foreach (var group in byOffset) Assert.Equal(group.Count() - 1, group.Count(x => x.Item2));
            var db = connections[0].GetDatabase();
            Assert.Equal(offsets.Distinct().Count(), await db.StringBitCountAsync(key));
            Assert.Equal(offsets.Max() / 8 + 1, await db.StringLengthAsync(key));
            foreach (var offset in offsets.Distinct().Take(50)) Assert.True(await db.StringGetBitAsync(key, offset));
            Assert.False(await db.StringGetBitAsync(key, offsets.Max() + 1));
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Big_values_fail_cleanly_on_another_type()
    {
        var key = ProxyFixture.Key();
        await fixture.InsertKeyOfTypeAsync(key);
        using var raw = await fixture.RawAsync();
        var big = Encoding.ASCII.GetBytes(new string('q', 20_000));
        Assert.StartsWith("-WRONGTYPE", await raw.CommandAsync("SETRANGE"u8.ToArray(), Encoding.UTF8.GetBytes(key), "0"u8.ToArray(), big));
        Assert.StartsWith("-WRONGTYPE", await raw.CommandAsync("APPEND"u8.ToArray(), Encoding.UTF8.GetBytes(key), big));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET"u8.ToArray(), Encoding.UTF8.GetBytes(key), big));
        Assert.Equal(":20000\r\n", await raw.CommandAsync("STRLEN", key));
    }
}
