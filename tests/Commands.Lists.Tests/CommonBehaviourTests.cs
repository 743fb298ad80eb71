using System.Text;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>What every list command must do alike: arity, type checks, expiry, binary safety, isolation.</summary>
[Collection(ListsCollection.Name)]
public class CommonBehaviourTests(ListsFixture fixture)
{
    [Theory]
    [InlineData("lpush", "k")]
    [InlineData("rpush", "k")]
    [InlineData("lpushx", "k")]
    [InlineData("rpushx", "k")]
    [InlineData("lpop")]
    [InlineData("lpop", "k", "1", "2")]
    [InlineData("rpop")]
    [InlineData("rpop", "k", "1", "2")]
    [InlineData("llen")]
    [InlineData("llen", "k", "x")]
    [InlineData("lindex", "k")]
    [InlineData("lrange", "k", "0")]
    [InlineData("lset", "k", "0")]
    [InlineData("linsert", "k", "BEFORE", "p")]
    [InlineData("lrem", "k", "0")]
    [InlineData("ltrim", "k", "0")]
    [InlineData("lpos", "k")]
    [InlineData("lmove", "a", "b", "LEFT")]
    [InlineData("rpoplpush", "a")]
    [InlineData("lmpop", "1", "k")]
    public async Task Wrong_arity(params string[] command)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command[0]}' command\r\n", await raw.CommandAsync(command));
    }

    [Theory]
    [InlineData("LPUSH", "a")]
    [InlineData("RPUSH", "a")]
    [InlineData("LPUSHX", "a")]
    [InlineData("RPUSHX", "a")]
    [InlineData("LPOP")]
    [InlineData("LPOP", "0")]
    [InlineData("RPOP")]
    [InlineData("RPOP", "2")]
    [InlineData("LLEN")]
    [InlineData("LINDEX", "0")]
    [InlineData("LINDEX", "notanumber")]
    [InlineData("LRANGE", "0", "-1")]
    [InlineData("LSET", "0", "x")]
    [InlineData("LSET", "notanumber", "x")]
    [InlineData("LINSERT", "BEFORE", "a", "b")]
    [InlineData("LREM", "0", "a")]
    [InlineData("LTRIM", "0", "1")]
    [InlineData("LPOS", "a")]
    [InlineData("LPOS", "a", "COUNT", "0")]
    public async Task Wrongtype_on_a_string_key_leaves_it_alone(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("str");
        Assert.Equal(Ok, await raw.CommandAsync("SET", k, "text"));
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal(Bulk("text"), await raw.CommandAsync("GET", k));
        Assert.Equal("+string\r\n", await raw.CommandAsync("TYPE", k));
    }

    [Fact]
    public async Task Multi_key_commands_answer_wrongtype_for_a_string_source_or_destination()
    {
        using var raw = await fixture.RawAsync();
        string s = ProxyFixture.Key("str"), l = ProxyFixture.Key("list"), missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("SET", s, "text");
        await raw.CommandAsync("RPUSH", l, "a");
        Assert.Equal(WrongType, await raw.CommandAsync("LMOVE", s, l, "LEFT", "RIGHT"));
        Assert.Equal(WrongType, await raw.CommandAsync("LMOVE", l, s, "LEFT", "RIGHT"));
        Assert.Equal(WrongType, await raw.CommandAsync("RPOPLPUSH", l, s));
        Assert.Equal(WrongType, await raw.CommandAsync("RPOPLPUSH", s, s));
        // A missing source answers nil before the destination's type is looked at.
        Assert.Equal(Nil, await raw.CommandAsync("LMOVE", missing, s, "LEFT", "RIGHT"));
        Assert.Equal(WrongType, await raw.CommandAsync("LMPOP", "2", missing, s, "LEFT"));
        Assert.Equal("*2\r\n" + Bulk(l) + Array("a"), await raw.CommandAsync("LMPOP", "2", l, s, "LEFT"));
        Assert.Equal(Bulk("text"), await raw.CommandAsync("GET", s));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("APPEND", "x")]
    [InlineData("INCR")]
    [InlineData("HGET", "f")]
    [InlineData("HSET", "f", "v")]
    [InlineData("SADD", "m")]
    [InlineData("SMEMBERS")]
    public async Task Other_families_answer_wrongtype_on_a_list(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("list");
        await raw.CommandAsync("RPUSH", k, "a", "b");
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal(Array("a", "b"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
    }

    [Fact]
    public async Task List_commands_answer_wrongtype_on_a_hash_and_a_set()
    {
        using var raw = await fixture.RawAsync();
        string h = ProxyFixture.Key("hash"), s = ProxyFixture.Key("set");
        await raw.CommandAsync("HSET", h, "f", "v");
        await raw.CommandAsync("SADD", s, "m");
        foreach (var k in new[] { h, s })
        {
            Assert.Equal(WrongType, await raw.CommandAsync("LPUSH", k, "x"));
            Assert.Equal(WrongType, await raw.CommandAsync("RPOP", k));
            Assert.Equal(WrongType, await raw.CommandAsync("LRANGE", k, "0", "-1"));
        }
        Assert.Equal(Bulk("v"), await raw.CommandAsync("HGET", h, "f"));
    }

    [Fact]
    public async Task Set_over_a_list_replaces_it()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("list");
        await raw.CommandAsync("RPUSH", k, "a", "b");
        Assert.Equal(Ok, await raw.CommandAsync("SET", k, "s"));
        Assert.Equal(WrongType, await raw.CommandAsync("LLEN", k));
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
        Assert.Equal(Int(1), await raw.CommandAsync("RPUSH", k, "z"));
        Assert.Equal(Array("z"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
    }

    [Fact]
    public async Task An_expired_list_is_absent_and_a_push_starts_a_fresh_one()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("expiring");
        string other = ProxyFixture.Key("other");
        await raw.CommandAsync("RPUSH", k, "old1", "old2", "old3");
        Assert.Equal(Int(1), await raw.CommandAsync("PEXPIRE", k, "50"));
        await ProxyFixture.WaitUntilGoneAsync(raw, k);

        Assert.Equal(Int(0), await raw.CommandAsync("LLEN", k));
        Assert.Equal(Nil, await raw.CommandAsync("LINDEX", k, "0"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOS", k, "old1"));
        Assert.Equal(Nil, await raw.CommandAsync("LPOP", k));
        Assert.Equal(NilArray, await raw.CommandAsync("RPOP", k, "2"));
        Assert.Equal(Int(0), await raw.CommandAsync("LPUSHX", k, "x"));
        Assert.Equal(Int(0), await raw.CommandAsync("RPUSHX", k, "x"));
        Assert.Equal(Error("ERR no such key"), await raw.CommandAsync("LSET", k, "0", "x"));
        Assert.Equal(Int(0), await raw.CommandAsync("LINSERT", k, "BEFORE", "old1", "x"));
        Assert.Equal(Int(0), await raw.CommandAsync("LREM", k, "0", "old1"));
        Assert.Equal(Ok, await raw.CommandAsync("LTRIM", k, "0", "0"));
        Assert.Equal(Nil, await raw.CommandAsync("LMOVE", k, other, "LEFT", "LEFT"));
        Assert.Equal(NilArray, await raw.CommandAsync("LMPOP", "1", k, "LEFT"));
        Assert.Equal("+none\r\n", await raw.CommandAsync("TYPE", k));

        Assert.Equal(Int(1), await raw.CommandAsync("LPUSH", k, "new"));
        Assert.Equal(Array("new"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Int(-1), await raw.CommandAsync("TTL", k));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", other));
    }

    [Fact]
    public async Task List_writes_keep_the_ttl()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("ttl");
        await raw.CommandAsync("RPUSH", k, "a", "b", "c", "d");
        await raw.CommandAsync("EXPIRE", k, "1000");
        await raw.CommandAsync("LPUSH", k, "z");
        await raw.CommandAsync("RPOP", k);
        await raw.CommandAsync("LSET", k, "0", "y");
        await raw.CommandAsync("LINSERT", k, "AFTER", "y", "x");
        await raw.CommandAsync("LREM", k, "0", "b");
        await raw.CommandAsync("LTRIM", k, "0", "1");
        await raw.CommandAsync("LMOVE", k, k, "LEFT", "RIGHT");
        Assert.Matches(@"^:(99\d|1000)\r\n$", await raw.CommandAsync("TTL", k));
        Assert.Equal(Array("x", "y"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
    }

    [Theory]
    [MemberData(nameof(BinarySamples.Bytes), MemberType = typeof(BinarySamples))]
    public async Task Binary_keys_and_elements_round_trip_exactly(byte[] bytes)
    {
        using var raw = await fixture.RawAsync();
        var key = Encoding.ASCII.GetBytes(ProxyFixture.Key("bin")).Concat(bytes).ToArray();
        var other = Encoding.ASCII.GetBytes(ProxyFixture.Key("bin2")).Concat(bytes).ToArray();
        var a = bytes.Append((byte)'a').ToArray();
        var b = bytes.Concat(bytes).Append((byte)0xff).ToArray();
        Assert.Equal(Int(3), await raw.CommandAsync(Args("RPUSH", key, a, bytes, b)));
        Assert.Equal(ArrayBytes(a, bytes, b), await raw.CommandBytesAsync(Args("LRANGE", key, "0", "-1")));
        Assert.Equal(BulkBytes(bytes), await raw.CommandBytesAsync(Args("LINDEX", key, "1")));
        Assert.Equal(Int(1), await raw.CommandAsync(Args("LPOS", key, bytes)));
        Assert.Equal(Int(2), await raw.CommandAsync(Args("LPOS", key, b)));
        Assert.Equal(Int(4), await raw.CommandAsync(Args("LINSERT", key, "BEFORE", bytes, b)));
        Assert.Equal(Ok, await raw.CommandAsync(Args("LSET", key, "0", bytes)));
        Assert.Equal(ArrayBytes(bytes, b, bytes, b), await raw.CommandBytesAsync(Args("LRANGE", key, "0", "-1")));
        Assert.Equal(Int(2), await raw.CommandAsync(Args("LREM", key, "0", b)));
        Assert.Equal(BulkBytes(bytes), await raw.CommandBytesAsync(Args("LMOVE", key, other, "LEFT", "RIGHT")));
        Assert.Equal(BulkBytes(bytes), await raw.CommandBytesAsync(Args("RPOP", other)));
        Assert.Equal(ArrayBytes(bytes), await raw.CommandBytesAsync(Args("LPOP", key, "5")));
        Assert.Equal(Int(0), await raw.CommandAsync(Args("EXISTS", key, other)));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        using var alice = await fixture.RawAsync(ProxyFixture.UserA);
        using var bob = await fixture.RawAsync(ProxyFixture.UserB);
        var k = ProxyFixture.Key("tenant");
        string dst = ProxyFixture.Key("dst");
        await alice.CommandAsync("RPUSH", k, "a", "b", "c");

        Assert.Equal(Int(0), await bob.CommandAsync("LLEN", k));
        Assert.Equal(Nil, await bob.CommandAsync("LINDEX", k, "0"));
        Assert.Equal(EmptyArray, await bob.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Nil, await bob.CommandAsync("LPOS", k, "a"));
        Assert.Equal(Nil, await bob.CommandAsync("LPOP", k));
        Assert.Equal(NilArray, await bob.CommandAsync("RPOP", k, "3"));
        Assert.Equal(Int(0), await bob.CommandAsync("RPUSHX", k, "x"));
        Assert.Equal(Error("ERR no such key"), await bob.CommandAsync("LSET", k, "0", "x"));
        Assert.Equal(Int(0), await bob.CommandAsync("LINSERT", k, "BEFORE", "a", "x"));
        Assert.Equal(Int(0), await bob.CommandAsync("LREM", k, "0", "a"));
        Assert.Equal(Ok, await bob.CommandAsync("LTRIM", k, "1", "0"));
        Assert.Equal(Nil, await bob.CommandAsync("LMOVE", k, dst, "LEFT", "LEFT"));
        Assert.Equal(NilArray, await bob.CommandAsync("LMPOP", "1", k, "LEFT"));
        Assert.Equal(Int(0), await bob.CommandAsync("EXISTS", k));

        // Bob's own list of the same name is separate in both directions.
        Assert.Equal(Int(1), await bob.CommandAsync("LPUSH", k, "bob"));
        Assert.Equal(Array("a", "b", "c"), await alice.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Array("bob"), await bob.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal(Int(1), await bob.CommandAsync("DEL", k));
        Assert.Equal(Int(3), await alice.CommandAsync("LLEN", k));
    }
}
