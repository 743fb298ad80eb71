using System.Numerics;
using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>SETBIT, GETBIT, BITCOUNT, BITPOS and BITOP through the proxy (exact replies are also compared with Redis in bitmaps.redis).</summary>
[Collection(StringsCollection.Name)]
public class BitmapTests(StringsFixture fixture)
{
    private const string BadOffset = "-ERR bit offset is not an integer or out of range\r\n";

    [Fact]
    public async Task Setbit_answers_the_old_bit_and_grows_the_string_with_zeros()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("bits");
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETBIT", k, "7", "1"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SETBIT", k, "7", "1"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETBIT", k, "17", "1"));
        Assert.Equal(new byte[] { 0x01, 0x00, 0x40 }, (await fixture.RowAsync(k))!.Value.Value);
        Assert.Equal(":1\r\n", await raw.CommandAsync("SETBIT", k, "7", "0"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("GETBIT", k, "17"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("GETBIT", k, "7"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("GETBIT", k, "4294967295"));
        Assert.Equal(new byte[] { 0x00, 0x00, 0x40 }, (await fixture.RowAsync(k))!.Value.Value);
        // Clearing a bit past the end still grows the string, as in Redis.
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETBIT", k, "40", "0"));
        Assert.Equal(":6\r\n", await raw.CommandAsync("STRLEN", k));
    }

    [Fact]
    public async Task Setbit_and_getbit_reject_bad_offsets_and_bits_before_touching_the_key()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("bits");
        Assert.Equal(BadOffset, await raw.CommandAsync("SETBIT", k, "4294967296", "1"));
        Assert.Equal(BadOffset, await raw.CommandAsync("SETBIT", k, "-1", "1"));
        Assert.Equal(BadOffset, await raw.CommandAsync("SETBIT", k, "x", "2"));
        Assert.Equal("-ERR bit is not an integer or out of range\r\n", await raw.CommandAsync("SETBIT", k, "0", "2"));
        Assert.Equal("-ERR bit is not an integer or out of range\r\n", await raw.CommandAsync("SETBIT", k, "0", "-1"));
        Assert.Equal(BadOffset, await raw.CommandAsync("GETBIT", k, "4294967296"));
        Assert.Null(await fixture.RowAsync(k));

        var hash = ProxyFixture.Key("hash");
        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal(BadOffset, await raw.CommandAsync("GETBIT", hash, "-1"));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("GETBIT", hash, "0"));
    }

    [Fact]
    public async Task Setbit_keeps_the_ttl_and_an_expired_key_starts_afresh()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("ttl");
        await raw.CommandBytesAsync(RespText.Args("SET", k, new byte[] { 0 }, "PX", "100000"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETBIT", k, "100", "1"));
        Assert.NotNull((await fixture.RowAsync(k))!.Value.ExpiresAt);

        var expiring = ProxyFixture.Key("expiring");
        await raw.CommandAsync("SET", expiring, "x", "PX", "1");
        await ProxyFixture.WaitUntilGoneAsync(raw, expiring);
        Assert.Equal(":0\r\n", await raw.CommandAsync("GETBIT", expiring, "0"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("BITCOUNT", expiring));
        Assert.Equal(":-1\r\n", await raw.CommandAsync("BITPOS", expiring, "1"));
        Assert.Equal(RespText.Ints(0), await raw.CommandAsync("BITFIELD_RO", expiring, "GET", "u8", "0"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("BITOP", "OR", ProxyFixture.Key("dest"), expiring));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETBIT", expiring, "9", "1"));
        var row = (await fixture.RowAsync(expiring))!.Value;
        Assert.Equal(new byte[] { 0x00, 0x40 }, row.Value);
        Assert.Null(row.ExpiresAt);
    }

    [Fact]
    public async Task Bitcount_and_bitpos_read_byte_and_bit_ranges()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("foobar");
        await raw.CommandAsync("SET", k, "foobar");
        Assert.Equal(":26\r\n", await raw.CommandAsync("BITCOUNT", k));
        Assert.Equal(":4\r\n", await raw.CommandAsync("BITCOUNT", k, "0", "0"));
        Assert.Equal(":6\r\n", await raw.CommandAsync("BITCOUNT", k, "1", "1"));
        Assert.Equal(":17\r\n", await raw.CommandAsync("BITCOUNT", k, "5", "30", "BIT"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("BITCOUNT", k, "-1", "-2"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("BITCOUNT", k, "0"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("BITCOUNT", ProxyFixture.Key("missing"), "0"));

        var bits = ProxyFixture.Key("bitpos");
        await raw.CommandBytesAsync(RespText.Args("SET", bits, new byte[] { 0xff, 0xf0, 0x00 }));
        Assert.Equal(":12\r\n", await raw.CommandAsync("BITPOS", bits, "0"));
        Assert.Equal(":2\r\n", await raw.CommandAsync("BITPOS", bits, "1", "2", "-1", "BIT"));
        Assert.Equal(":12\r\n", await raw.CommandAsync("BITPOS", bits, "0", "8", "12", "BIT"));
        Assert.Equal(":-1\r\n", await raw.CommandAsync("BITPOS", bits, "0", "0", "0"));
        Assert.Equal(":-1\r\n", await raw.CommandAsync("BITPOS", bits, "1", "2"));
        Assert.Equal("-ERR The bit argument must be 1 or 0.\r\n", await raw.CommandAsync("BITPOS", bits, "2"));

        var ones = ProxyFixture.Key("ones");
        await raw.CommandBytesAsync(RespText.Args("SET", ones, new byte[] { 0xff, 0xff }));
        // All ones: with no end Redis answers the bit after the string, with an end -1.
        Assert.Equal(":16\r\n", await raw.CommandAsync("BITPOS", ones, "0"));
        Assert.Equal(":16\r\n", await raw.CommandAsync("BITPOS", ones, "0", "1"));
        Assert.Equal(":-1\r\n", await raw.CommandAsync("BITPOS", ones, "0", "0", "-1"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("BITPOS", ProxyFixture.Key("missing"), "0"));
    }

    [Fact]
    public async Task Bitcount_and_bitpos_span_a_value_larger_than_a_window()
    {
        var value = new byte[300_000];
        value[299_999] = 0x01;
        value[150_000] = 0x80;
        var k = Encoding.ASCII.GetBytes(ProxyFixture.Key("big"));
        using var raw = await fixture.RawAsync();
        await raw.CommandBytesAsync(RespText.Args("SET", k, value));
        Assert.Equal(":2\r\n", await raw.CommandAsync([Encoding.ASCII.GetBytes("BITCOUNT"), k]));
        Assert.Equal(":1\r\n", await raw.CommandAsync(RespText.Args("BITCOUNT", k, "150001", "-1")));
        Assert.Equal($":{150_000 * 8}\r\n", await raw.CommandAsync(RespText.Args("BITPOS", k, "1")));
        Assert.Equal($":{299_999 * 8 + 7}\r\n", await raw.CommandAsync(RespText.Args("BITPOS", k, "1", $"{150_000 * 8 + 1}", "-1", "BIT")));
        Assert.Equal(":8\r\n", await raw.CommandAsync(RespText.Args("BITPOS", k, "0", "1")));
    }

    [Fact]
    public async Task Bitop_combines_sources_window_by_window_and_reads_short_ones_as_zeros()
    {
        var random = new Random(3);
        var a = new byte[200_000];
        var b = new byte[70_000];
        random.NextBytes(a);
        random.NextBytes(b);
        string prefix = ProxyFixture.Key("bitop");
        byte[] ka = Encoding.ASCII.GetBytes(prefix + "a"), kb = Encoding.ASCII.GetBytes(prefix + "b"), dest = Encoding.ASCII.GetBytes(prefix + "d");
        using var raw = await fixture.RawAsync();
        await raw.CommandBytesAsync(RespText.Args("SET", ka, a));
        await raw.CommandBytesAsync(RespText.Args("SET", kb, b));

        foreach (var (op, combine) in new (string, Func<byte, byte, byte>)[]
                 { ("AND", (x, y) => (byte)(x & y)), ("OR", (x, y) => (byte)(x | y)), ("XOR", (x, y) => (byte)(x ^ y)) })
        {
            Assert.Equal(":200000\r\n", await raw.CommandAsync(RespText.Args("BITOP", op, dest, ka, kb, "missing" + prefix)));
            var expected = a.Select((x, i) => combine(combine(x, i < b.Length ? b[i] : (byte)0), 0)).ToArray();
            Assert.Equal(RespText.BulkBytes(expected), await raw.CommandBytesAsync(RespText.Args("GET", dest)));
        }
        Assert.Equal(":70000\r\n", await raw.CommandAsync(RespText.Args("BITOP", "NOT", dest, kb)));
        Assert.Equal(RespText.BulkBytes(b.Select(x => (byte)~x).ToArray()), await raw.CommandBytesAsync(RespText.Args("GET", dest)));
        Assert.Equal($":{a.Sum(x => BitOperations.PopCount(x))}\r\n", await raw.CommandAsync(RespText.Args("BITCOUNT", ka)));
    }

    [Fact]
    public async Task Bitop_reads_a_destination_among_its_sources_as_it_was()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CommandBytesAsync(RespText.Args("SET", a, new byte[] { 0x0f, 0xf0 }));
        await raw.CommandBytesAsync(RespText.Args("SET", b, new byte[] { 0xff }));
        Assert.Equal(":2\r\n", await raw.CommandAsync("BITOP", "XOR", a, a, b));
        Assert.Equal(new byte[] { 0xf0, 0xf0 }, (await fixture.RowAsync(a))!.Value.Value);
        Assert.Equal(":2\r\n", await raw.CommandAsync("BITOP", "NOT", a, a));
        Assert.Equal(new byte[] { 0x0f, 0x0f }, (await fixture.RowAsync(a))!.Value.Value);
    }

    [Fact]
    public async Task Bitop_replaces_any_destination_drops_its_ttl_and_deletes_it_for_an_empty_result()
    {
        using var raw = await fixture.RawAsync();
        string src = ProxyFixture.Key("src"), dest = ProxyFixture.Key("dest"), hash = ProxyFixture.Key("hash");
        await raw.CommandBytesAsync(RespText.Args("SET", src, new byte[] { 0x01 }));
        await raw.CommandAsync("SET", dest, "old", "EX", "100");
        Assert.Equal(":1\r\n", await raw.CommandAsync("BITOP", "OR", dest, src));
        var row = (await fixture.RowAsync(dest))!.Value;
        Assert.Equal(new byte[] { 0x01 }, row.Value);
        Assert.Null(row.ExpiresAt);

        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("BITOP", "AND", dest, src, hash));
        Assert.Equal(new byte[] { 0x01 }, (await fixture.RowAsync(dest))!.Value.Value);
        Assert.Equal(":1\r\n", await raw.CommandAsync("BITOP", "AND", hash, src));
        Assert.Equal(1, (await fixture.RowAsync(hash))!.Value.Type);

        Assert.Equal(":0\r\n", await raw.CommandAsync("BITOP", "AND", dest, ProxyFixture.Key("missing")));
        Assert.Null(await fixture.RowAsync(dest));
        Assert.Equal("-ERR BITOP NOT must be called with a single source key.\r\n", await raw.CommandAsync("BITOP", "NOT", dest, src, src));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("BITOP", "NAND", dest, src));
    }

    [Fact]
    public async Task Binary_keys_and_values_are_kept_exactly()
    {
        using var raw = await fixture.RawAsync();
        byte[] key = [.. Encoding.ASCII.GetBytes(ProxyFixture.Key("bin")), 0, (byte)'\r', (byte)'\n', 0xff];
        byte[] dest = [.. key, 0];
        await raw.CommandBytesAsync(RespText.Args("SET", key, new byte[] { 0x00, (byte)'\r', (byte)'\n', 0xff }));
        Assert.Equal(":0\r\n", await raw.CommandAsync(RespText.Args("SETBIT", key, "7", "1")));
        Assert.Equal(RespText.BulkBytes([0x01, (byte)'\r', (byte)'\n', 0xff]), await raw.CommandBytesAsync(RespText.Args("GET", key)));
        Assert.Equal(":14\r\n", await raw.CommandAsync(RespText.Args("BITCOUNT", key)));
        Assert.Equal(":4\r\n", await raw.CommandAsync(RespText.Args("BITOP", "NOT", dest, key)));
        Assert.Equal(RespText.BulkBytes([0xfe, 0xf2, 0xf5, 0x00]), await raw.CommandBytesAsync(RespText.Args("GET", dest)));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        using var a = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        string k = ProxyFixture.Key("tenant"), dest = ProxyFixture.Key("tenant-dest");
        await a.CommandAsync("SETBIT", k, "3", "1");
        await a.CommandAsync("BITOP", "NOT", dest, k);
        Assert.Equal(":0\r\n", await b.CommandAsync("GETBIT", k, "3"));
        Assert.Equal(":0\r\n", await b.CommandAsync("BITCOUNT", k));
        Assert.Equal(":-1\r\n", await b.CommandAsync("BITPOS", k, "1"));
        Assert.Equal("*1\r\n:0\r\n", await b.CommandAsync("BITFIELD_RO", k, "GET", "u8", "0"));
        Assert.Equal(":0\r\n", await b.CommandAsync("BITOP", "OR", dest, k));
        Assert.Equal(":0\r\n", await b.CommandAsync("SETBIT", k, "0", "1"));
        Assert.Equal(new byte[] { 0x10 }, (await fixture.RowAsync(k))!.Value.Value);
        Assert.Equal(new byte[] { 0xef }, (await fixture.RowAsync(dest))!.Value.Value);
    }
}
