using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>LPUSH, RPUSH, their X forms, LPOP and RPOP, byte for byte as Redis 7.0 answers.</summary>
[Collection(ListsCollection.Name)]
public class PushPopTests(ListsFixture fixture)
{
    [Fact]
    public async Task Pushes_add_at_their_end_in_argument_order_and_answer_the_length()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        Assert.Equal(Int(3), await raw.CommandAsync("LPUSH", k, "a", "b", "c"));
        Assert.Equal(Int(5), await raw.CommandAsync("RPUSH", k, "d", "e"));
        Assert.Equal(Int(6), await raw.CommandAsync("LPUSHX", k, "f"));
        Assert.Equal(Int(8), await raw.CommandAsync("RPUSHX", k, "g", "h"));
        Assert.Equal(Array("f", "c", "b", "a", "d", "e", "g", "h"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        await fixture.AssertContiguousAsync(k);
    }

    [Fact]
    public async Task The_first_push_puts_the_first_element_at_position_zero()
    {
        using var raw = await fixture.RawAsync();
        string left = ProxyFixture.Key("left"), right = ProxyFixture.Key("right");
        await raw.CommandAsync("LPUSH", left, "a", "b", "c");
        await raw.CommandAsync("RPUSH", right, "a", "b", "c");
        var leftLayout = await fixture.LayoutAsync((await fixture.KeyIdAsync(left))!.Value);
        var rightLayout = await fixture.LayoutAsync((await fixture.KeyIdAsync(right))!.Value);
        Assert.Equal([-2L, -1, 0], leftLayout.Positions);
        Assert.Equal((-2L, 0L), (leftLayout.Head, leftLayout.Tail));
        Assert.Equal([0L, 1, 2], rightLayout.Positions);
        Assert.Equal((0L, 2L), (rightLayout.Head, rightLayout.Tail));
    }

    [Fact]
    public async Task Push_x_forms_do_nothing_on_a_missing_key()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        Assert.Equal(Int(0), await raw.CommandAsync("LPUSHX", k, "a"));
        Assert.Equal(Int(0), await raw.CommandAsync("RPUSHX", k, "a", "b"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Pops_without_count_answer_one_element_or_nil_and_delete_the_emptied_list()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c");
        Assert.Equal(Bulk("a"), await raw.CommandAsync("LPOP", k));
        Assert.Equal(Bulk("c"), await raw.CommandAsync("RPOP", k));
        await fixture.AssertContiguousAsync(k);
        Assert.Equal(Bulk("b"), await raw.CommandAsync("lpop", k));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Nil, await raw.CommandAsync("LPOP", k));
        Assert.Equal(Nil, await raw.CommandAsync("RPOP", k));
    }

    [Fact]
    public async Task Pops_with_count_follow_redis_edge_cases()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "d", "e");
        Assert.Equal(EmptyArray, await raw.CommandAsync("LPOP", k, "0"));
        Assert.Equal(Array("a", "b"), await raw.CommandAsync("LPOP", k, "2"));
        Assert.Equal(Array("e", "d"), await raw.CommandAsync("RPOP", k, "2"));
        Assert.Equal(Array("c"), await raw.CommandAsync("RPOP", k, "9223372036854775807"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(NilArray, await raw.CommandAsync("LPOP", missing, "2"));
        Assert.Equal(NilArray, await raw.CommandAsync("RPOP", missing, "0"));
        const string outOfRange = "-ERR value is out of range, must be positive\r\n";
        Assert.Equal(outOfRange, await raw.CommandAsync("LPOP", k, "-1"));
        Assert.Equal(outOfRange, await raw.CommandAsync("RPOP", missing, "abc"));
        Assert.Equal(outOfRange, await raw.CommandAsync("LPOP", k, "9223372036854775808"));
        Assert.Equal("-ERR wrong number of arguments for 'lpop' command\r\n", await raw.CommandAsync("LPOP", k, "1", "2"));
    }
}
