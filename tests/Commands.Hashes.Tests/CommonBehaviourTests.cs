using System.Text;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>What every hash command must do alike: arity, type checks, expiry, binary safety, isolation.</summary>
[Collection(HashesCollection.Name)]
public class CommonBehaviourTests(HashesFixture fixture)
{
    [Theory]
    [InlineData("hset", "k", "f")]
    [InlineData("hmset", "k", "f")]
    [InlineData("hsetnx", "k", "f")]
    [InlineData("hget", "k")]
    [InlineData("hmget", "k")]
    [InlineData("hgetall")]
    [InlineData("hgetall", "k", "x")]
    [InlineData("hdel", "k")]
    [InlineData("hexists", "k")]
    [InlineData("hlen")]
    [InlineData("hkeys", "k", "x")]
    [InlineData("hvals")]
    [InlineData("hstrlen", "k")]
    [InlineData("hincrby", "k", "f")]
    [InlineData("hincrbyfloat", "k", "f", "1", "2")]
    [InlineData("hrandfield")]
    [InlineData("hscan", "k")]
    public async Task Wrong_arity(params string[] command)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command[0]}' command\r\n", await raw.CommandAsync(command));
    }

    [Theory]
    [InlineData("HSET", "f", "v")]
    [InlineData("HMSET", "f", "v")]
    [InlineData("HSETNX", "f", "v")]
    [InlineData("HGET", "f")]
    [InlineData("HMGET", "f", "g")]
    [InlineData("HGETALL")]
    [InlineData("HDEL", "f")]
    [InlineData("HEXISTS", "f")]
    [InlineData("HLEN")]
    [InlineData("HKEYS")]
    [InlineData("HVALS")]
    [InlineData("HSTRLEN", "f")]
    [InlineData("HINCRBY", "f", "1")]
    [InlineData("HINCRBYFLOAT", "f", "1.5")]
    [InlineData("HRANDFIELD")]
    [InlineData("HRANDFIELD", "2", "WITHVALUES")]
    [InlineData("HSCAN", "0")]
    public async Task Wrongtype_on_a_string_key_leaves_it_alone(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("str");
        Assert.Equal(Ok, await raw.CommandAsync("SET", k, "text"));
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal(Bulk("text"), await raw.CommandAsync("GET", k));
        Assert.Equal("+string\r\n", await raw.CommandAsync("TYPE", k));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("APPEND", "x")]
    [InlineData("INCR")]
    [InlineData("STRLEN")]
    [InlineData("GETRANGE", "0", "1")]
    public async Task String_commands_on_a_hash_answer_wrongtype(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("hash");
        await raw.CommandAsync("HSET", k, "f", "v");
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        Assert.Equal(Array("f", "v"), await raw.CommandAsync("HGETALL", k));
    }

    [Fact]
    public async Task Set_over_a_hash_replaces_it_and_hash_commands_then_answer_wrongtype()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("hash");
        await raw.CommandAsync("HSET", k, "f", "v");
        Assert.Equal(Ok, await raw.CommandAsync("SET", k, "s"));
        Assert.Equal(WrongType, await raw.CommandAsync("HGET", k, "f"));
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
        Assert.Equal(Int(1), await raw.CommandAsync("HSET", k, "g", "w"));
        Assert.Equal(Array("g", "w"), await raw.CommandAsync("HGETALL", k));
    }

    [Fact]
    public async Task An_expired_hash_is_absent_and_hset_starts_a_fresh_one()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("expiring");
        await raw.CommandAsync("HSET", k, "old1", "1", "old2", "2", "n", "5");
        Assert.Equal(Int(1), await raw.CommandAsync("PEXPIRE", k, "50"));
        await ProxyFixture.WaitUntilGoneAsync(raw, k);

        Assert.Equal(Nil, await raw.CommandAsync("HGET", k, "old1"));
        Assert.Equal("*1\r\n$-1\r\n", await raw.CommandAsync("HMGET", k, "old1"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HGETALL", k));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HKEYS", k));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HVALS", k));
        Assert.Equal(Int(0), await raw.CommandAsync("HLEN", k));
        Assert.Equal(Int(0), await raw.CommandAsync("HEXISTS", k, "old1"));
        Assert.Equal(Int(0), await raw.CommandAsync("HSTRLEN", k, "old1"));
        Assert.Equal(Nil, await raw.CommandAsync("HRANDFIELD", k));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HRANDFIELD", k, "-3"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CommandAsync("HSCAN", k, "0"));
        Assert.Equal(Int(0), await raw.CommandAsync("HDEL", k, "old1"));
        Assert.Equal("+none\r\n", await raw.CommandAsync("TYPE", k));

        Assert.Equal(Int(1), await raw.CommandAsync("HSET", k, "new", "x"));
        Assert.Equal(Array("new", "x"), await raw.CommandAsync("HGETALL", k));
        Assert.Equal(Int(-1), await raw.CommandAsync("TTL", k));
        Assert.Equal(1, await fixture.FieldRowsAsync(k));

        // Every writer treats an expired hash as absent: counters start from 0, HSETNX succeeds.
        await raw.CommandAsync("PEXPIRE", k, "1");
        await ProxyFixture.WaitUntilGoneAsync(raw, k);
        Assert.Equal(Int(1), await raw.CommandAsync("HINCRBY", k, "n", "1"));
        await raw.CommandAsync("PEXPIRE", k, "1");
        await ProxyFixture.WaitUntilGoneAsync(raw, k);
        Assert.Equal(Bulk("1.5"), await raw.CommandAsync("HINCRBYFLOAT", k, "n", "1.5"));
        await raw.CommandAsync("PEXPIRE", k, "1");
        await ProxyFixture.WaitUntilGoneAsync(raw, k);
        Assert.Equal(Int(1), await raw.CommandAsync("HSETNX", k, "n", "v"));
        Assert.Equal(Array("n", "v"), await raw.CommandAsync("HGETALL", k));
    }

    [Fact]
    public async Task Hash_writes_keep_the_ttl()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("ttl");
        await raw.CommandAsync("HSET", k, "a", "1");
        await raw.CommandAsync("EXPIRE", k, "1000");
        await raw.CommandAsync("HSET", k, "b", "2");
        await raw.CommandAsync("HINCRBY", k, "a", "1");
        await raw.CommandAsync("HDEL", k, "b");
        var ttl = await raw.CommandAsync("TTL", k);
        Assert.Matches(@"^:(99\d|1000)\r\n$", ttl);
    }

    [Theory]
    [MemberData(nameof(BinarySamples.Bytes), MemberType = typeof(BinarySamples))]
    public async Task Binary_keys_fields_and_values_round_trip_exactly(byte[] bytes)
    {
        using var raw = await fixture.RawAsync();
        var key = Encoding.ASCII.GetBytes(ProxyFixture.Key("bin")).Concat(bytes).ToArray();
        var field = bytes.Append((byte)'f').ToArray();
        var other = bytes.Append((byte)0xff).ToArray();
        var value = bytes.Concat(bytes).ToArray();
        Assert.Equal(Int(2), await raw.CommandAsync(Args("HSET", key, field, value, other, bytes)));
        Assert.Equal(BulkBytes(value), await raw.CommandBytesAsync(Args("HGET", key, field)));
        Assert.Equal(BulkBytes(bytes), await raw.CommandBytesAsync(Args("HGET", key, other)));
        Assert.Equal(Int(value.Length), await raw.CommandAsync(Args("HSTRLEN", key, field)));
        byte[] all = [.. Encoding.ASCII.GetBytes("*4\r\n"), .. BulkBytes(field), .. BulkBytes(value), .. BulkBytes(other), .. BulkBytes(bytes)];
        Assert.Equal(all, await raw.CommandBytesAsync(Args("HGETALL", key)));
        Assert.Equal(all, (await raw.CommandBytesAsync(Args("HSCAN", key, "0")))[^all.Length..]);
        byte[] two = [.. Encoding.ASCII.GetBytes("*2\r\n"), .. BulkBytes(bytes), .. BulkBytes(value)];
        Assert.Equal(two, await raw.CommandBytesAsync(Args("HMGET", key, other, field)));
        Assert.Equal(Int(1), await raw.CommandAsync(Args("HDEL", key, field)));
        Assert.Equal(Int(0), await raw.CommandAsync(Args("HEXISTS", key, field)));
        Assert.Equal(Int(1), await raw.CommandAsync(Args("HEXISTS", key, other)));
    }

    [Fact]
    public async Task Long_fields_sharing_a_long_prefix_stay_distinct()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("long");
        var prefix = new string('p', 2999);
        string a = prefix + "a", b = prefix + "b";
        Assert.True(await db.HashSetAsync(k, a, "A"));
        Assert.True(await db.HashSetAsync(k, b, "B"));
        Assert.Equal(2, await db.HashLengthAsync(k));
        Assert.Equal("A", (string?)await db.HashGetAsync(k, a));
        Assert.Equal("B", (string?)await db.HashGetAsync(k, b));
        Assert.True(await db.HashDeleteAsync(k, a));
        Assert.Equal([b], (await db.HashKeysAsync(k)).Select(v => (string)v!));
    }

    [Fact]
    public async Task Another_tenant_sees_nothing()
    {
        using var alice = await fixture.RawAsync(ProxyFixture.UserA);
        using var bob = await fixture.RawAsync(ProxyFixture.UserB);
        var k = ProxyFixture.Key("tenant");
        await alice.CommandAsync("HSET", k, "f", "alice", "n", "1");

        Assert.Equal(Nil, await bob.CommandAsync("HGET", k, "f"));
        Assert.Equal(EmptyArray, await bob.CommandAsync("HGETALL", k));
        Assert.Equal(Int(0), await bob.CommandAsync("HLEN", k));
        Assert.Equal(Int(0), await bob.CommandAsync("HEXISTS", k, "f"));
        Assert.Equal(Nil, await bob.CommandAsync("HRANDFIELD", k));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await bob.CommandAsync("HSCAN", k, "0"));
        Assert.Equal(Int(0), await bob.CommandAsync("HDEL", k, "f"));
        Assert.Equal(Int(0), await bob.CommandAsync("EXISTS", k));

        // Bob's own hash of the same name is separate in both directions.
        Assert.Equal(Int(1), await bob.CommandAsync("HSET", k, "f", "bob"));
        Assert.Equal(Int(5), await bob.CommandAsync("HINCRBY", k, "n", "5"));
        Assert.Equal(Array("f", "alice", "n", "1"), await alice.CommandAsync("HGETALL", k));
        Assert.Equal(Array("f", "bob", "n", "5"), await bob.CommandAsync("HGETALL", k));
        Assert.Equal(Int(1), await bob.CommandAsync("DEL", k));
        Assert.Equal(Bulk("alice"), await alice.CommandAsync("HGET", k, "f"));
    }
}
