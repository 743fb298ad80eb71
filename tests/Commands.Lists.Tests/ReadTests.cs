using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>LLEN, LINDEX, LRANGE and LPOS, byte for byte as Redis 7.0 answers.</summary>
[Collection(ListsCollection.Name)]
public class ReadTests(ListsFixture fixture)
{
    private const string NotInteger = "-ERR value is not an integer or out of range\r\n";

    [Fact]
    public async Task Llen_and_lindex()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("LPUSH", k, "c", "b", "a");
        await raw.CommandAsync("RPUSH", k, "d");
        Assert.Equal(Int(4), await raw.CommandAsync("LLEN", k));
        Assert.Equal(Int(0), await raw.CommandAsync("LLEN", missing));
        Assert.Equal(Bulk("a"), await raw.CommandAsync("LINDEX", k, "0"));
        Assert.Equal(Bulk("d"), await raw.CommandAsync("LINDEX", k, "3"));
        Assert.Equal(Bulk("d"), await raw.CommandAsync("LINDEX", k, "-1"));
        Assert.Equal(Bulk("a"), await raw.CommandAsync("LINDEX", k, "-4"));
        Assert.Equal(Nil, await raw.CommandAsync("LINDEX", k, "4"));
        Assert.Equal(Nil, await raw.CommandAsync("LINDEX", k, "-5"));
        Assert.Equal(Nil, await raw.CommandAsync("LINDEX", k, "9223372036854775807"));
        Assert.Equal(Nil, await raw.CommandAsync("LINDEX", k, "-9223372036854775808"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LINDEX", k, "x"));
        // Redis looks the key up before it parses the index.
        Assert.Equal(Nil, await raw.CommandAsync("LINDEX", missing, "x"));
    }

    [Fact]
    public async Task Lrange_clamps_like_redis()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "d", "e");
        Assert.Equal(Array("a", "b", "c", "d", "e"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Array("b", "c"), await raw.CommandAsync("LRANGE", k, "1", "2"));
        Assert.Equal(Array("d", "e"), await raw.CommandAsync("LRANGE", k, "-2", "100"));
        Assert.Equal(Array("a", "b", "c", "d", "e"), await raw.CommandAsync("LRANGE", k, "-100", "100"));
        Assert.Equal(Array("a", "b", "c", "d", "e"), await raw.CommandAsync("LRANGE", k, "-9223372036854775808", "9223372036854775807"));
        Assert.Equal(Array("a"), await raw.CommandAsync("LRANGE", k, "-100", "-5"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LRANGE", k, "3", "1"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LRANGE", k, "5", "10"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LRANGE", k, "0", "-6"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LRANGE", missing, "0", "-1"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LRANGE", k, "x", "1"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LRANGE", missing, "0", "9223372036854775808"));
    }

    [Fact]
    public async Task Lpos_rank_count_and_maxlen()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "a", "b", "c", "a");
        Assert.Equal(Int(0), await raw.CommandAsync("LPOS", k, "a"));
        Assert.Equal(Int(2), await raw.CommandAsync("LPOS", k, "c"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOS", k, "z"));
        Assert.Equal(Int(6), await raw.CommandAsync("LPOS", k, "a", "RANK", "-1"));
        Assert.Equal(Int(3), await raw.CommandAsync("LPOS", k, "a", "RANK", "-2"));
        Assert.Equal(Int(3), await raw.CommandAsync("LPOS", k, "a", "RANK", "2"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOS", k, "a", "RANK", "4"));
        Assert.Equal(Ints(0, 3, 6), await raw.CommandAsync("LPOS", k, "a", "COUNT", "0"));
        Assert.Equal(Ints(0, 3), await raw.CommandAsync("LPOS", k, "a", "COUNT", "2"));
        Assert.Equal(Ints(3, 6), await raw.CommandAsync("LPOS", k, "a", "COUNT", "2", "RANK", "2"));
        Assert.Equal(Ints(6, 3, 0), await raw.CommandAsync("LPOS", k, "a", "COUNT", "0", "RANK", "-1"));
        Assert.Equal(Ints(3, 0), await raw.CommandAsync("LPOS", k, "a", "COUNT", "2", "RANK", "-2"));
        Assert.Equal(Int(0), await raw.CommandAsync("LPOS", k, "a", "MAXLEN", "3"));
        Assert.Equal(Ints(0), await raw.CommandAsync("LPOS", k, "a", "MAXLEN", "3", "COUNT", "0"));
        Assert.Equal(Ints(6), await raw.CommandAsync("LPOS", k, "a", "MAXLEN", "3", "COUNT", "0", "RANK", "-1"));
        Assert.Equal(Int(4), await raw.CommandAsync("LPOS", k, "b", "MAXLEN", "3", "RANK", "-1"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOS", k, "b", "MAXLEN", "2", "RANK", "-1"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LPOS", k, "z", "COUNT", "5"));
        Assert.Equal(Ints(0, 3, 6), await raw.CommandAsync("LPOS", k, "a", "COUNT", "1", "COUNT", "3"));
        Assert.Equal(Int(6), await raw.CommandAsync("LPOS", k, "a", "RANK", "1", "RANK", "-1"));
        Assert.Equal(Int(6), await raw.CommandAsync("LPOS", k, "a", "RANK", "-9223372036854775808"));
        Assert.Equal(Ints(6, 3, 0), await raw.CommandAsync("LPOS", k, "a", "RANK", "-9223372036854775808", "COUNT", "1"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOS", k, "a", "RANK", "9223372036854775807"));
        Assert.Equal(Int(0), await raw.CommandAsync("LPOS", k, "a", "MAXLEN", "9223372036854775807"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOS", missing, "a"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LPOS", missing, "a", "COUNT", "0"));
    }

    [Fact]
    public async Task Lpos_errors()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        await raw.CommandAsync("RPUSH", k, "a");
        Assert.Equal(Error("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list"),
            await raw.CommandAsync("LPOS", k, "a", "RANK", "0"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LPOS", k, "a", "RANK", "x"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("LPOS", k, "a", "RANK"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("LPOS", k, "a", "FOO", "1"));
        Assert.Equal(Error("ERR COUNT can't be negative"), await raw.CommandAsync("LPOS", k, "a", "COUNT", "-1"));
        Assert.Equal(Error("ERR COUNT can't be negative"), await raw.CommandAsync("LPOS", k, "a", "COUNT", "x"));
        Assert.Equal(Error("ERR MAXLEN can't be negative"), await raw.CommandAsync("LPOS", k, "a", "MAXLEN", "-1"));
        Assert.Equal(Error("ERR MAXLEN can't be negative"), await raw.CommandAsync("LPOS", k, "a", "MAXLEN", "x"));
    }
}
