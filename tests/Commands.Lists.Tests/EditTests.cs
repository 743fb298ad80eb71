using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>LSET, LINSERT, LREM and LTRIM: Redis 7.0's replies, and positions left contiguous.</summary>
[Collection(ListsCollection.Name)]
public class EditTests(ListsFixture fixture)
{
    private const string NotInteger = "-ERR value is not an integer or out of range\r\n";

    [Fact]
    public async Task Lset_replaces_by_index()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c");
        Assert.Equal(Ok, await raw.CommandAsync("LSET", k, "0", "A"));
        Assert.Equal(Ok, await raw.CommandAsync("LSET", k, "-1", "C"));
        Assert.Equal(Array("A", "b", "C"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Error("ERR index out of range"), await raw.CommandAsync("LSET", k, "3", "x"));
        Assert.Equal(Error("ERR index out of range"), await raw.CommandAsync("LSET", k, "-4", "x"));
        Assert.Equal(Error("ERR index out of range"), await raw.CommandAsync("LSET", k, "-9223372036854775808", "x"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LSET", k, "x", "x"));
        Assert.Equal(Error("ERR no such key"), await raw.CommandAsync("LSET", missing, "0", "x"));
        Assert.Equal(Error("ERR no such key"), await raw.CommandAsync("LSET", missing, "x", "x"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", missing));
    }

    [Fact]
    public async Task Linsert_before_and_after_the_first_pivot()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "a", "b", "c");
        Assert.Equal(Int(7), await raw.CommandAsync("LINSERT", k, "before", "b", "B1"));
        Assert.Equal(Int(8), await raw.CommandAsync("LINSERT", k, "AFTER", "c", "C1"));
        Assert.Equal(Int(9), await raw.CommandAsync("LINSERT", k, "BEFORE", "a", "first"));
        Assert.Equal(Int(10), await raw.CommandAsync("RPUSH", k, "z"));
        Assert.Equal(Int(11), await raw.CommandAsync("LINSERT", k, "AFTER", "z", "last"));
        Assert.Equal(Array("first", "a", "B1", "b", "c", "C1", "a", "b", "c", "z", "last"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        await fixture.AssertContiguousAsync(k);
        Assert.Equal(Int(-1), await raw.CommandAsync("LINSERT", k, "AFTER", "nothing", "x"));
        Assert.Equal(Int(0), await raw.CommandAsync("LINSERT", missing, "BEFORE", "a", "x"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("LINSERT", k, "MIDDLE", "a", "x"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("LINSERT", missing, "MIDDLE", "a", "x"));
        Assert.Equal(Int(11), await raw.CommandAsync("LLEN", k));
    }

    [Fact]
    public async Task Linsert_in_the_second_half_moves_the_tail_side()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        await raw.CommandAsync(["RPUSH", k, .. Enumerable.Range(0, 10).Select(i => $"e{i}")]);
        Assert.Equal(Int(11), await raw.CommandAsync("LINSERT", k, "BEFORE", "e8", "x"));
        Assert.Equal(Int(12), await raw.CommandAsync("LINSERT", k, "AFTER", "e1", "y"));
        Assert.Equal(Array("e0", "e1", "y", "e2", "e3", "e4", "e5", "e6", "e7", "x", "e8", "e9"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        var layout = await fixture.LayoutAsync((await fixture.KeyIdAsync(k))!.Value);
        Assert.Equal((-1L, 10L), (layout.Head, layout.Tail));
        await fixture.AssertContiguousAsync(k);
    }

    [Fact]
    public async Task Lrem_by_count_sign_and_renumbers_the_survivors()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "a", "b", "c", "a", "b");
        Assert.Equal(Int(1), await raw.CommandAsync("LREM", k, "1", "b"));
        Assert.Equal(Int(2), await raw.CommandAsync("LREM", k, "-2", "a"));
        Assert.Equal(Array("a", "c", "b", "c", "b"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        await fixture.AssertContiguousAsync(k);
        Assert.Equal(Int(2), await raw.CommandAsync("LREM", k, "0", "c"));
        Assert.Equal(Int(0), await raw.CommandAsync("LREM", k, "0", "zzz"));
        Assert.Equal(Array("a", "b", "b"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Bulk("b"), await raw.CommandAsync("LINDEX", k, "-1"));
        Assert.Equal(Int(4), await raw.CommandAsync("LPUSH", k, "z"));
        await fixture.AssertContiguousAsync(k);
        Assert.Equal(Int(2), await raw.CommandAsync("LREM", k, "-9223372036854775808", "b"));
        Assert.Equal(Array("z", "a"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Int(1), await raw.CommandAsync("LREM", k, "0", "z"));
        Assert.Equal(Int(1), await raw.CommandAsync("LREM", k, "0", "a"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Int(0), await raw.CommandAsync("LREM", missing, "1", "a"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LREM", missing, "x", "a"));
    }

    [Fact]
    public async Task Ltrim_keeps_the_range_and_deletes_an_emptied_list()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "d", "e", "f", "g");
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", k, "1", "-2"));
        Assert.Equal(Array("b", "c", "d", "e", "f"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        await fixture.AssertContiguousAsync(k);
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", k, "-100", "100"));
        Assert.Equal(Int(5), await raw.CommandAsync("LLEN", k));
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", k, "-2", "-1"));
        Assert.Equal(Array("e", "f"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", k, "3", "1"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        await raw.CommandAsync("RPUSH", k, "a", "b");
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", k, "5", "10"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", missing, "0", "1"));
        Assert.Equal(NotInteger, await raw.CommandAsync("LTRIM", k, "x", "1"));
    }
}
