using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>What every sorted sets command must do alike: arity, type checks, expiry, binary safety, isolation.</summary>
[Collection(SortedSetsCollection.Name)]
public class CommonBehaviourTests(SortedSetsFixture fixture)
{
    [Theory]
    [InlineData("zadd", "k", "1")]
    [InlineData("zincrby", "k", "1")]
    [InlineData("zrem", "k")]
    [InlineData("zcard")]
    [InlineData("zscore", "k")]
    [InlineData("zmscore", "k")]
    [InlineData("zrank", "k")]
    [InlineData("zrevrank", "k", "a", "b")]
    [InlineData("zcount", "k", "0")]
    [InlineData("zlexcount", "k", "-")]
    [InlineData("zrange", "k", "0")]
    [InlineData("zrevrange", "k", "0")]
    [InlineData("zrangebyscore", "k", "0")]
    [InlineData("zrevrangebyscore", "k", "0")]
    [InlineData("zrangebylex", "k", "-")]
    [InlineData("zrevrangebylex", "k", "-")]
    [InlineData("zrangestore", "d", "k", "0")]
    [InlineData("zremrangebyrank", "k", "0")]
    [InlineData("zremrangebyscore", "k", "0")]
    [InlineData("zremrangebylex", "k", "-")]
    [InlineData("zpopmin")]
    [InlineData("zpopmax")]
    [InlineData("zmpop", "1", "k")]
    [InlineData("bzpopmin", "k")]
    [InlineData("bzpopmax", "k")]
    [InlineData("bzmpop", "0", "1", "k")]
    [InlineData("zrandmember")]
    [InlineData("zscan", "k")]
    [InlineData("zunion", "1")]
    [InlineData("zinter", "1")]
    [InlineData("zdiff", "1")]
    [InlineData("zunionstore", "d", "1")]
    [InlineData("zinterstore", "d", "1")]
    [InlineData("zdiffstore", "d", "1")]
    [InlineData("zintercard", "1")]
    public async Task Wrong_arity(params string[] command)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command[0]}' command\r\n", await raw.CommandAsync(command));
    }

    [Theory]
    [InlineData("ZADD", "1", "m")]
    [InlineData("ZINCRBY", "1", "m")]
    [InlineData("ZREM", "m")]
    [InlineData("ZCARD")]
    [InlineData("ZSCORE", "m")]
    [InlineData("ZMSCORE", "m")]
    [InlineData("ZRANK", "m")]
    [InlineData("ZCOUNT", "0", "1")]
    [InlineData("ZLEXCOUNT", "-", "+")]
    [InlineData("ZRANGE", "0", "-1")]
    [InlineData("ZRANGEBYLEX", "-", "+")]
    [InlineData("ZREMRANGEBYRANK", "0", "-1")]
    [InlineData("ZREMRANGEBYSCORE", "0", "1")]
    [InlineData("ZREMRANGEBYLEX", "-", "+")]
    [InlineData("ZPOPMIN")]
    [InlineData("ZRANDMEMBER")]
    [InlineData("ZSCAN", "0")]
    public Task Wrongtype_on_a_string_leaves_it_alone(string command, params string[] args) =>
        fixture.AssertWrongTypeOnAStringAsync(command, args);

    [Theory]
    [InlineData("GET")]
    [InlineData("LPUSH", "x")]
    [InlineData("SADD", "x")]
    [InlineData("HSET", "f", "v")]
    public async Task Other_families_commands_on_a_sorted_set_are_wrongtype(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("z");
        await raw.CommandAsync("ZADD", k, "1", "m");
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal("+zset\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(Array("m", "1"), await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
    }

    [Fact]
    public async Task Set_overwrites_a_sorted_set_and_its_members_are_gone()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("z");
        await raw.CommandAsync("ZADD", k, "1", "m");
        Assert.Equal(Ok, await raw.CommandAsync("SET", k, "v"));
        Assert.Equal(WrongType, await raw.CommandAsync("ZCARD", k));
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
        Assert.Equal(Int(1), await raw.CommandAsync("ZADD", k, "2", "n"));
        Assert.Equal(Array("n", "2"), await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
    }

    [Fact]
    public async Task An_expired_sorted_set_is_absent_and_zadd_starts_a_fresh_one()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("expiring");
        await raw.CommandAsync("ZADD", k, "1", "old1", "2", "old2");
        Assert.Equal(Int(1), await raw.CommandAsync("PEXPIRE", k, "50"));
        await ProxyFixture.WaitUntilGoneAsync(raw, k);
        Assert.Equal(Int(0), await raw.CommandAsync("ZCARD", k));
        Assert.Equal(Nil, await raw.CommandAsync("ZSCORE", k, "old1"));
        Assert.Equal(Nil, await raw.CommandAsync("ZRANK", k, "old1"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("ZRANGE", k, "0", "-1"));
        Assert.Equal(Int(0), await raw.CommandAsync("ZCOUNT", k, "-inf", "+inf"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("ZPOPMIN", k));
        Assert.Equal(Int(0), await raw.CommandAsync("ZREM", k, "old1"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CommandAsync("ZSCAN", k, "0"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("ZUNION", "1", k));
        Assert.Equal(Int(1), await raw.CommandAsync("ZADD", k, "3", "new"));
        Assert.Equal(Array("new", "3"), await raw.CommandAsync("ZRANGE", k, "0", "-1", "WITHSCORES"));
        Assert.Equal(Int(-1), await raw.CommandAsync("TTL", k));
        var id = await fixture.KeyIdAsync(k);
        Assert.Equal(1, await fixture.MemberRowsAsync(id!.Value));
    }

    [Theory]
    [MemberData(nameof(BinarySamples.Bytes), MemberType = typeof(BinarySamples))]
    public async Task Binary_members_and_keys_come_back_exactly(byte[] member)
    {
        using var raw = await fixture.RawAsync();
        byte[] key = [(byte)'z', 0, 13, 10, 255, .. Guid.NewGuid().ToByteArray()];
        Assert.Equal(Int(1), await raw.CommandAsync(Args("ZADD", key, "1.5", member)));
        Assert.Equal(Bulk("1.5"), await raw.CommandAsync(Args("ZSCORE", key, member)));
        Assert.Equal(Int(0), await raw.CommandAsync(Args("ZRANK", key, member)));
        Assert.Equal(ArrayBytes(member, "1.5"u8.ToArray()), await raw.CommandBytesAsync(Args("ZRANGE", key, "0", "-1", "WITHSCORES")));
        Assert.Equal(ArrayBytes(member), await raw.CommandBytesAsync(Args("ZRANGEBYLEX", key, "-", "+")));
        Assert.Equal(ArrayBytes(member, "1.5"u8.ToArray()), await raw.CommandBytesAsync(Args("ZPOPMIN", key)));
        Assert.Equal(Int(0), await raw.CommandAsync(Args("EXISTS", key)));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_a_sorted_set()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var k = ProxyFixture.Key("shared-name");
        await a.CommandAsync("ZADD", k, "1", "x", "2", "y");
        Assert.Equal(Int(0), await b.CommandAsync("ZCARD", k));
        Assert.Equal(EmptyArray, await b.CommandAsync("ZRANGE", k, "0", "-1"));
        Assert.Equal(Nil, await b.CommandAsync("ZSCORE", k, "x"));
        Assert.Equal(EmptyArray, await b.CommandAsync("ZUNION", "1", k));
        Assert.Equal(EmptyArray, await b.CommandAsync("ZPOPMAX", k));
        Assert.Equal(Int(1), await b.CommandAsync("ZADD", k, "9", "mine"));
        Assert.Equal(Array("x", "y"), await a.CommandAsync("ZRANGE", k, "0", "-1"));
        Assert.Equal(Array("mine"), await b.CommandAsync("ZRANGE", k, "0", "-1"));
    }
}
