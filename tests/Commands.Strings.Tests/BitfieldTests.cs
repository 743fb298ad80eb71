using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>BITFIELD and BITFIELD_RO through the proxy (exact replies are also compared with Redis in bitmaps.redis).</summary>
[Collection(StringsCollection.Name)]
public class BitfieldTests(StringsFixture fixture)
{
    [Fact]
    public async Task Get_set_and_incrby_run_in_order_on_the_stored_bytes()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("bitfield");
        Assert.Equal(RespText.Ints(1, 0), await raw.CommandAsync("BITFIELD", k, "INCRBY", "i5", "100", "1", "GET", "u4", "0"));
        Assert.Equal(new byte[14] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80 }, (await fixture.RowAsync(k))!.Value.Value);
        Assert.Equal(RespText.Ints(0, 200, 201, -55), await raw.CommandAsync("BITFIELD", k, "SET", "u8", "#1", "200", "GET", "u8", "8", "INCRBY", "u8", "#1", "1", "GET", "i8", "8"));
        Assert.Equal(0xC9, (await fixture.RowAsync(k))!.Value.Value![1]);
        Assert.Equal(RespText.Ints(0, 0), await raw.CommandAsync("BITFIELD", k, "GET", "u8", "1000", "GET", "i64", "10000"));
        Assert.Equal(14, (await fixture.RowAsync(k))!.Value.Value!.Length);
    }

    [Fact]
    public async Task Overflow_wraps_saturates_or_fails()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("overflow");
        Assert.Equal(RespText.Ints(1, 2, 3, 0), await raw.CommandAsync("BITFIELD", k,
            "INCRBY", "u2", "100", "1", "INCRBY", "u2", "100", "1", "INCRBY", "u2", "100", "1", "INCRBY", "u2", "100", "1"));
        Assert.Equal(RespText.Ints(1, 2, 3, 3), await raw.CommandAsync("BITFIELD", k, "OVERFLOW", "SAT",
            "INCRBY", "u2", "100", "1", "INCRBY", "u2", "100", "1", "INCRBY", "u2", "100", "1", "INCRBY", "u2", "100", "1"));
        Assert.Equal("*2\r\n$-1\r\n:3\r\n", await raw.CommandAsync("BITFIELD", k, "OVERFLOW", "FAIL", "INCRBY", "u2", "100", "1", "GET", "u2", "100"));
        Assert.Equal(RespText.Ints(0, 9223372036854775807, -9223372036854775808), await raw.CommandAsync("BITFIELD", k,
            "SET", "i64", "3", "9223372036854775807", "GET", "i64", "3", "INCRBY", "i64", "3", "1"));
        Assert.Equal(RespText.Ints(4611686018427387904, 9223372036854775807), await raw.CommandAsync("BITFIELD", k,
            "OVERFLOW", "SAT", "SET", "u63", "3", "-1", "GET", "u63", "3"));
    }

    [Fact]
    public async Task A_refused_write_still_grows_the_string_as_in_redis()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("fail");
        Assert.Equal("*1\r\n$-1\r\n", await raw.CommandAsync("BITFIELD", k, "OVERFLOW", "FAIL", "SET", "u8", "100", "1000"));
        Assert.Equal(new byte[14], (await fixture.RowAsync(k))!.Value.Value);
    }

    [Fact]
    public async Task Writes_keep_the_ttl()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("ttl");
        await raw.CommandAsync("SET", k, "a", "PX", "100000");
        Assert.Equal(RespText.Ints(0), await raw.CommandAsync("BITFIELD", k, "SET", "u8", "#4", "7"));
        var row = (await fixture.RowAsync(k))!.Value;
        Assert.NotNull(row.ExpiresAt);
        Assert.Equal(new byte[] { (byte)'a', 0, 0, 0, 7 }, row.Value);
    }

    [Fact]
    public async Task Errors_come_before_the_key_is_read_and_write_nothing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("errors");
        const string badType = "-ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.\r\n";
        Assert.Equal(badType, await raw.CommandAsync("BITFIELD", k, "SET", "u8", "0", "1", "GET", "u64", "0"));
        Assert.Equal(badType, await raw.CommandAsync("BITFIELD", k, "GET", "i65", "0"));
        Assert.Equal("-ERR bit offset is not an integer or out of range\r\n", await raw.CommandAsync("BITFIELD", k, "SET", "u8", "#536870912", "1"));
        Assert.Equal("-ERR bit offset is not an integer or out of range\r\n", await raw.CommandAsync("BITFIELD", k, "SET", "u8", "4294967296", "1"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("BITFIELD", k, "INCRBY", "u8", "0", "x"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("BITFIELD", k, "SET", "u8", "0"));
        Assert.Equal("-ERR Invalid OVERFLOW type specified\r\n", await raw.CommandAsync("BITFIELD", k, "OVERFLOW", "MAYBE", "SET", "u8", "0", "1"));
        Assert.Null(await fixture.RowAsync(k));

        var hash = ProxyFixture.Key("hash");
        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal(badType, await raw.CommandAsync("BITFIELD", hash, "GET", "u64", "0"));
        Assert.Equal(RespText.WrongType, await raw.CommandAsync("BITFIELD", hash));
    }

    [Fact]
    public async Task Bitfield_ro_only_gets()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("ro");
        await raw.CommandAsync("SET", k, "AB");
        Assert.Equal(RespText.Ints(0x41, 0x4142, 4), await raw.CommandAsync("BITFIELD_RO", k, "GET", "u8", "0", "GET", "i16", "0", "GET", "u4", "#2"));
        Assert.Equal(RespText.EmptyArray, await raw.CommandAsync("BITFIELD_RO", k));
        Assert.Equal(RespText.Ints(0), await raw.CommandAsync("BITFIELD_RO", ProxyFixture.Key("missing"), "GET", "i8", "0"));
        Assert.Equal("-ERR BITFIELD_RO only supports the GET subcommand\r\n", await raw.CommandAsync("BITFIELD_RO", k, "GET", "u8", "0", "SET", "u8", "0", "1"));
        Assert.Equal("-ERR BITFIELD_RO only supports the GET subcommand\r\n", await raw.CommandAsync("BITFIELD_RO", k, "INCRBY", "u8", "0", "1"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("BITFIELD_RO", k, "SET", "u8", "0", "x"));
        Assert.Equal(RespText.Bulk("AB"), await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Fields_far_apart_and_overlapping_are_each_written_back()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("sparse");
        Assert.Equal(RespText.Ints(0, 61440, 255, 0), await raw.CommandAsync("BITFIELD", k,
            "SET", "u8", "0", "255", "SET", "u16", "4", "65535", "GET", "u8", "0", "SET", "u8", "800000", "1"));
        // 100 KB: kept in chunks, of which only the first and the last hold anything.
        Assert.Null((await fixture.RowAsync(k))!.Value.Value);
        await using var redis = await fixture.ConnectAsync();
        var value = (byte[])(await redis.GetDatabase().StringGetAsync(k))!;
        Assert.Equal(100_001, value.Length);
        Assert.Equal(new byte[] { 0xff, 0xff, 0xf0 }, value[..3]);
        Assert.Equal(1, value[100_000]);
        Assert.Equal(21, value.Sum(b => System.Numerics.BitOperations.PopCount(b)));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        using var a = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var k = ProxyFixture.Key("tenant");
        await a.CommandAsync("BITFIELD", k, "SET", "u8", "0", "42");
        Assert.Equal(RespText.Ints(0), await b.CommandAsync("BITFIELD", k, "GET", "u8", "0"));
        Assert.Equal(RespText.Ints(1), await b.CommandAsync("BITFIELD", k, "INCRBY", "u8", "0", "1"));
        Assert.Equal(RespText.Ints(42), await a.CommandAsync("BITFIELD_RO", k, "GET", "u8", "0"));
    }
}
