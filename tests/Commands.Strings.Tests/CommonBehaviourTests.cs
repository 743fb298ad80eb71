using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>What every strings command must do alike: arity, type checks, expiry, binary safety, isolation.</summary>
[Collection(StringsCollection.Name)]
public class CommonBehaviourTests(StringsFixture fixture)
{
    private const string WrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    [Theory]
    [InlineData("get")]
    [InlineData("get", "a", "b")]
    [InlineData("set", "a")]
    [InlineData("setnx", "a")]
    [InlineData("setex", "a", "1")]
    [InlineData("psetex", "a", "1")]
    [InlineData("getset", "a")]
    [InlineData("getdel")]
    [InlineData("getex")]
    [InlineData("mget")]
    [InlineData("mset", "a")]
    [InlineData("msetnx", "a")]
    [InlineData("append", "a")]
    [InlineData("strlen")]
    [InlineData("getrange", "a", "0")]
    [InlineData("substr", "a", "0")]
    [InlineData("setrange", "a", "0")]
    [InlineData("incr")]
    [InlineData("decr", "a", "b")]
    [InlineData("incrby", "a")]
    [InlineData("decrby", "a")]
    [InlineData("incrbyfloat", "a")]
    [InlineData("lcs", "a")]
    [InlineData("setbit", "k", "0")]
    [InlineData("setbit", "k", "0", "1", "1")]
    [InlineData("getbit", "k")]
    [InlineData("getbit", "k", "0", "1")]
    [InlineData("bitcount")]
    [InlineData("bitpos", "k")]
    [InlineData("bitop", "and", "d")]
    [InlineData("bitfield")]
    [InlineData("bitfield_ro")]
    public async Task Wrong_arity(params string[] command)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal($"-ERR wrong number of arguments for '{command[0]}' command\r\n", await raw.CommandAsync(command));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("GETSET", "v")]
    [InlineData("GETDEL")]
    [InlineData("GETEX")]
    [InlineData("GETEX", "PERSIST")]
    [InlineData("APPEND", "v")]
    [InlineData("STRLEN")]
    [InlineData("GETRANGE", "0", "1")]
    [InlineData("SUBSTR", "0", "1")]
    [InlineData("SETRANGE", "0", "v")]
    [InlineData("SETRANGE", "0", "")]
    [InlineData("INCR")]
    [InlineData("DECR")]
    [InlineData("INCRBY", "1")]
    [InlineData("DECRBY", "1")]
    [InlineData("INCRBYFLOAT", "1")]
    [InlineData("SETBIT", "0", "1")]
    [InlineData("GETBIT", "0")]
    [InlineData("BITCOUNT")]
    [InlineData("BITCOUNT", "0", "-1", "BIT")]
    [InlineData("BITPOS", "1")]
    [InlineData("BITPOS", "0", "0", "-1", "BIT")]
    [InlineData("BITFIELD", "GET", "u8", "0")]
    [InlineData("BITFIELD", "SET", "u8", "0", "1")]
    [InlineData("BITFIELD_RO", "GET", "u8", "0")]
    public async Task Wrongtype_on_a_key_of_another_type_leaves_it_alone(string command, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("hash");
        await fixture.InsertKeyOfTypeAsync(k);
        Assert.Equal(WrongType, await raw.CommandAsync([command, k, .. args]));
        var row = await fixture.RowAsync(k);
        Assert.Equal(2, row!.Value.Type);
        Assert.Null(row.Value.Value);
    }

    [Fact]
    public async Task Expired_keys_are_absent_to_every_command()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("expiring");
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "41", "PX", "50"));
        Assert.Equal("$2\r\n41\r\n", await raw.CommandAsync("GET", k));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await raw.CommandAsync("GET", k) != "$-1\r\n")
        {
            Assert.True(DateTime.UtcNow < deadline, "the key never expired");
            await Task.Delay(20);
        }
        // The row may still be there until the sweeper runs; every command must see nothing.
        Assert.Equal("*1\r\n$-1\r\n", await raw.CommandAsync("MGET", k));
        Assert.Equal(":0\r\n", await raw.CommandAsync("STRLEN", k));
        Assert.Equal("$0\r\n\r\n", await raw.CommandAsync("GETRANGE", k, "0", "-1"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GETEX", k, "PERSIST"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GETDEL", k));
        Assert.Equal("$0\r\n\r\n", await raw.CommandAsync("LCS", k, k));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", k, "x", "XX"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GET", k));

        // Writers treat it as absent too: counters start from 0, APPEND from empty, NX succeeds, no TTL is kept.
        await raw.CommandAsync("SET", k, "41", "PX", "1");
        await Task.Delay(20);
        Assert.Equal(":1\r\n", await raw.CommandAsync("INCR", k));
        Assert.Null((await fixture.RowAsync(k))!.Value.ExpiresAt);
        await raw.CommandAsync("SET", k, "41", "PX", "1");
        await Task.Delay(20);
        Assert.Equal(":1\r\n", await raw.CommandAsync("APPEND", k, "x"));
        await raw.CommandAsync("SET", k, "41", "PX", "1");
        await Task.Delay(20);
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", k, "new", "NX", "GET"));
        Assert.Equal("$3\r\nnew\r\n", await raw.CommandAsync("GET", k));
        await raw.CommandAsync("SET", k, "41", "PX", "1");
        await Task.Delay(20);
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GETSET", k, "y"));
        await raw.CommandAsync("SET", k, "41", "PX", "1");
        await Task.Delay(20);
        Assert.Equal(":3\r\n", await raw.CommandAsync("SETRANGE", k, "2", "z"));
        Assert.Equal(new byte[] { 0, 0, (byte)'z' }, (await fixture.RowAsync(k))!.Value.Value);
    }

    public static TheoryData<byte[]> BinaryValues => new()
    {
        new byte[] { 0 },
        "a\r\nb"u8.ToArray(),
        new byte[] { 0xff, 0xfe, 0x00, 0x80, (byte)'\r', (byte)'\n' },
        Array.Empty<byte>(),
    };

    [Theory]
    [MemberData(nameof(BinaryValues))]
    public async Task Binary_keys_and_values_round_trip_exactly(byte[] bytes)
    {
        using var raw = await fixture.RawAsync();
        var key = Encoding.ASCII.GetBytes(ProxyFixture.Key("bin")).Concat(bytes).ToArray();
        var other = Encoding.ASCII.GetBytes(ProxyFixture.Key("bin")).Concat(bytes).Append((byte)0xff).ToArray();
        Assert.Equal("+OK\r\n", await raw.CommandAsync([Encoding.ASCII.GetBytes("SET"), key, bytes]));
        Assert.Equal(BulkReply(bytes), await raw.ReadReplyBytesAfter([Encoding.ASCII.GetBytes("GET"), key]));
        Assert.Equal("+OK\r\n", await raw.CommandAsync([Encoding.ASCII.GetBytes("MSET"), other, bytes, key, bytes.Concat(bytes).ToArray()]));
        byte[] expected = [.. Encoding.ASCII.GetBytes("*2\r\n"), .. BulkReply(bytes.Concat(bytes).ToArray()), .. BulkReply(bytes)];
        Assert.Equal(expected, await raw.ReadReplyBytesAfter([Encoding.ASCII.GetBytes("MGET"), key, other]));
        Assert.Equal($":{bytes.Length * 3}\r\n", await raw.CommandAsync([Encoding.ASCII.GetBytes("APPEND"), key, bytes]));
        Assert.Equal(BulkReply(bytes.Concat(bytes).Concat(bytes).ToArray()), await raw.ReadReplyBytesAfter([Encoding.ASCII.GetBytes("GETDEL"), key]));
        Assert.Equal("$-1\r\n", await raw.CommandAsync([Encoding.ASCII.GetBytes("GET"), key]));
    }

    [Fact]
    public async Task A_one_megabyte_random_value_round_trips()
    {
        var value = new byte[1024 * 1024];
        new Random(42).NextBytes(value);
        var k = ProxyFixture.Key("big");
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        Assert.True(await db.StringSetAsync(k, value));
        Assert.Equal(value, (byte[]?)await db.StringGetAsync(k));
        Assert.Equal(value.Length, await db.StringLengthAsync(k));
        Assert.Equal(value.AsSpan(1000, 11).ToArray(), (byte[]?)await db.StringGetRangeAsync(k, 1000, 1010));
    }

    [Fact]
    public async Task Tenants_do_not_see_each_other()
    {
        using var a = await fixture.RawAsync(ProxyFixture.UserA);
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        string k = ProxyFixture.Key("shared-name"), k2 = ProxyFixture.Key("shared-name"), counter = ProxyFixture.Key("counter");
        Assert.Equal("+OK\r\n", await a.CommandAsync("MSET", k, "from-a", k2, "a2", counter, "100"));
        Assert.Equal("$-1\r\n", await b.CommandAsync("GET", k));
        Assert.Equal("*2\r\n$-1\r\n$-1\r\n", await b.CommandAsync("MGET", k, k2));
        Assert.Equal(":0\r\n", await b.CommandAsync("STRLEN", k));
        Assert.Equal(":1\r\n", await b.CommandAsync("SETNX", k, "from-b"));
        Assert.Equal(":1\r\n", await b.CommandAsync("MSETNX", k2, "b2"));
        Assert.Equal(":1\r\n", await b.CommandAsync("INCR", counter));
        Assert.Equal("$6\r\nfrom-b\r\n", await b.CommandAsync("GETDEL", k));
        Assert.Equal("*3\r\n$6\r\nfrom-a\r\n$2\r\na2\r\n$3\r\n100\r\n", await a.CommandAsync("MGET", k, k2, counter));
    }

    [Fact]
    public async Task Databases_selected_with_select_are_independent()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("db");
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "zero"));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SELECT", "3"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal(":7\r\n", await raw.CommandAsync("INCRBY", k, "7"));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SELECT", "0"));
        Assert.Equal("$4\r\nzero\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal("7"u8.ToArray(), (await fixture.RowAsync(k, db: 3))!.Value.Value);
    }

    [Fact]
    public async Task Redis_cli_sees_redis_replies()
    {
        var auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        var k = ProxyFixture.Key("cli");
        Assert.Equal("OK", (await RedisCli.RunAsync(fixture.Port, [.. auth, "SET", k, "10.50"])).Trim());
        Assert.Equal("\"10.6\"", (await RedisCli.RunAsync(fixture.Port, [.. auth, "INCRBYFLOAT", k, "0.1"])).Trim());
        Assert.Equal("(integer) 4", (await RedisCli.RunAsync(fixture.Port, [.. auth, "STRLEN", k])).Trim());
        Assert.Equal("(nil)", (await RedisCli.RunAsync(fixture.Port, [.. auth, "GET", k + "-missing"])).Trim());
        Assert.Equal("(error) ERR value is not an integer or out of range", (await RedisCli.RunAsync(fixture.Port, [.. auth, "INCR", k])).Trim());
    }

    private static byte[] BulkReply(byte[] value) =>
        [.. Encoding.ASCII.GetBytes($"${value.Length}\r\n"), .. value, .. "\r\n"u8.ToArray()];
}

internal static class RawRespClientExtensions
{
    /// <summary>Sends a command and returns the exact bytes of its reply (binary values do not survive UTF-8 text).</summary>
    public static async Task<byte[]> ReadReplyBytesAfter(this RawRespClient raw, byte[][] command)
    {
        raw.Send(RawRespClient.Command(command));
        return await raw.ReadReplyBytesAsync();
    }
}
