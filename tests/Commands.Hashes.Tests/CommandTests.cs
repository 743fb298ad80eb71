using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>Each command's replies, byte for byte, as Redis 7.0 gives them.</summary>
[Collection(HashesCollection.Name)]
public class CommandTests(HashesFixture fixture)
{
    [Fact]
    public async Task Hset_counts_only_new_fields_and_overwrites_existing_ones()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        Assert.Equal(Int(2), await raw.CommandAsync("HSET", k, "a", "1", "b", "2"));
        Assert.Equal(Int(1), await raw.CommandAsync("HSET", k, "a", "10", "c", "3"));
        Assert.Equal(Int(0), await raw.CommandAsync("HSET", k, "a", "11"));
        // A field repeated in one command counts once and keeps its last value.
        Assert.Equal(Int(1), await raw.CommandAsync("HSET", k, "d", "x", "d", "y"));
        Assert.Equal(Array("a", "11", "b", "2", "c", "3", "d", "y"), await raw.CommandAsync("HGETALL", k));
        Assert.Equal("-ERR wrong number of arguments for 'hset' command\r\n", await raw.CommandAsync("HSET", k, "a", "1", "b"));
        Assert.Equal(Int(4), await raw.CommandAsync("HLEN", k));
    }

    [Fact]
    public async Task Hset_with_more_pairs_than_one_statement_takes()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        var first = Enumerable.Range(0, 700).SelectMany(i => new[] { $"f{i}", $"v{i}" });
        Assert.Equal(Int(700), await raw.CommandAsync(["HSET", k, .. first]));
        var second = Enumerable.Range(600, 1000).SelectMany(i => new[] { $"f{i}", $"w{i}" });
        Assert.Equal(Int(900), await raw.CommandAsync(["HSET", k, .. second]));
        Assert.Equal(Int(1600), await raw.CommandAsync("HLEN", k));
        Assert.Equal(Bulk("v599"), await raw.CommandAsync("HGET", k, "f599"));
        Assert.Equal(Bulk("w600"), await raw.CommandAsync("HGET", k, "f600"));
        Assert.Equal(Int(1600), await raw.CommandAsync(["HDEL", k, .. Enumerable.Range(0, 1700).Select(i => $"f{i}")]));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Hmset_replies_ok()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        Assert.Equal(Ok, await raw.CommandAsync("HMSET", k, "a", "1", "b", "2"));
        Assert.Equal(Ok, await raw.CommandAsync("HMSET", k, "a", "3"));
        Assert.Equal(Array("a", "3", "b", "2"), await raw.CommandAsync("HGETALL", k));
        Assert.Equal("-ERR wrong number of arguments for 'hmset' command\r\n", await raw.CommandAsync("HMSET", k, "a", "1", "b"));
    }

    [Fact]
    public async Task Hsetnx_sets_only_absent_fields()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        Assert.Equal(Int(1), await raw.CommandAsync("HSETNX", k, "a", "1"));
        Assert.Equal(Int(0), await raw.CommandAsync("HSETNX", k, "a", "2"));
        Assert.Equal(Int(1), await raw.CommandAsync("HSETNX", k, "b", "3"));
        Assert.Equal(Array("a", "1", "b", "3"), await raw.CommandAsync("HGETALL", k));
    }

    [Fact]
    public async Task Hget_hmget_hexists_hstrlen()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("HSET", k, "a", "hello", "b", "");
        Assert.Equal(Bulk("hello"), await raw.CommandAsync("HGET", k, "a"));
        Assert.Equal(Bulk(""), await raw.CommandAsync("HGET", k, "b"));
        Assert.Equal(Nil, await raw.CommandAsync("HGET", k, "c"));
        Assert.Equal(Nil, await raw.CommandAsync("HGET", missing, "a"));
        Assert.Equal("*4\r\n$5\r\nhello\r\n$-1\r\n$0\r\n\r\n$5\r\nhello\r\n", await raw.CommandAsync("HMGET", k, "a", "c", "b", "a"));
        Assert.Equal("*2\r\n$-1\r\n$-1\r\n", await raw.CommandAsync("HMGET", missing, "a", "b"));
        Assert.Equal(Int(1), await raw.CommandAsync("HEXISTS", k, "a"));
        Assert.Equal(Int(1), await raw.CommandAsync("HEXISTS", k, "b"));
        Assert.Equal(Int(0), await raw.CommandAsync("HEXISTS", k, "c"));
        Assert.Equal(Int(0), await raw.CommandAsync("HEXISTS", missing, "a"));
        Assert.Equal(Int(5), await raw.CommandAsync("HSTRLEN", k, "a"));
        Assert.Equal(Int(0), await raw.CommandAsync("HSTRLEN", k, "b"));
        Assert.Equal(Int(0), await raw.CommandAsync("HSTRLEN", k, "c"));
        Assert.Equal(Int(0), await raw.CommandAsync("HSTRLEN", missing, "a"));
    }

    [Fact]
    public async Task Hgetall_hkeys_hvals_hlen_keep_insertion_order()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("HSET", k, "z", "1", "a", "2", "m", "3");
        Assert.Equal(Array("z", "1", "a", "2", "m", "3"), await raw.CommandAsync("HGETALL", k));
        Assert.Equal(Array("z", "a", "m"), await raw.CommandAsync("HKEYS", k));
        Assert.Equal(Array("1", "2", "3"), await raw.CommandAsync("HVALS", k));
        Assert.Equal(Int(3), await raw.CommandAsync("HLEN", k));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HGETALL", missing));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HKEYS", missing));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HVALS", missing));
        Assert.Equal(Int(0), await raw.CommandAsync("HLEN", missing));
    }

    [Fact]
    public async Task Hdel_counts_removed_fields_and_deletes_the_emptied_hash()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2", "c", "3");
        Assert.Equal(Int(2), await raw.CommandAsync("HDEL", k, "a", "b", "a", "nope"));
        Assert.Equal(Int(0), await raw.CommandAsync("HDEL", k, "a"));
        Assert.Equal(Int(0), await raw.CommandAsync("HDEL", ProxyFixture.Key("missing"), "a"));
        Assert.Equal(Int(1), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Int(1), await raw.CommandAsync("HDEL", k, "c"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal("+none\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Null(await fixture.KeyIdAsync(k));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HGETALL", k));
    }

    [Fact]
    public async Task Hincrby_adds_and_checks_integers_and_overflow()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        Assert.Equal(Int(5), await raw.CommandAsync("HINCRBY", k, "n", "5"));
        Assert.Equal(Int(-10), await raw.CommandAsync("HINCRBY", k, "n", "-15"));
        Assert.Equal(Bulk("-10"), await raw.CommandAsync("HGET", k, "n"));
        await raw.CommandAsync("HSET", k, "s", "abc", "big", "9223372036854775807", "small", "-9223372036854775808", "sp", " 1");
        Assert.Equal("-ERR hash value is not an integer\r\n", await raw.CommandAsync("HINCRBY", k, "s", "1"));
        Assert.Equal("-ERR hash value is not an integer\r\n", await raw.CommandAsync("HINCRBY", k, "sp", "1"));
        Assert.Equal("-ERR increment or decrement would overflow\r\n", await raw.CommandAsync("HINCRBY", k, "big", "1"));
        Assert.Equal("-ERR increment or decrement would overflow\r\n", await raw.CommandAsync("HINCRBY", k, "small", "-1"));
        Assert.Equal(Int(-1), await raw.CommandAsync("HINCRBY", k, "big", "-9223372036854775808"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("HINCRBY", k, "n", "1.5"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("HINCRBY", k, "n", "9223372036854775808"));
        Assert.Equal(Bulk("-10"), await raw.CommandAsync("HGET", k, "n"));
    }

    [Fact]
    public async Task Hincrbyfloat_adds_like_redis_and_formats_like_redis()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        Assert.Equal(Bulk("10.5"), await raw.CommandAsync("HINCRBYFLOAT", k, "f", "10.5"));
        Assert.Equal(Bulk("10.6"), await raw.CommandAsync("HINCRBYFLOAT", k, "f", "0.1"));
        Assert.Equal(Bulk("0.1"), await raw.CommandAsync("HINCRBYFLOAT", k, "g", "0.1"));
        Assert.Equal(Bulk("0.3"), await raw.CommandAsync("HINCRBYFLOAT", k, "g", "0.2"));
        Assert.Equal(Bulk("5000"), await raw.CommandAsync("HINCRBYFLOAT", k, "e", "5.0e3"));
        Assert.Equal(Bulk("5200"), await raw.CommandAsync("HINCRBYFLOAT", k, "e", "200"));
        Assert.Equal(Bulk("0"), await raw.CommandAsync("HINCRBYFLOAT", k, "e", "-5200"));
        // Long-double results as glibc prints them for Redis, where decimal or double arithmetic would differ.
        Assert.Equal(Bulk("123456789012345678899921813504"), await raw.CommandAsync("HINCRBYFLOAT", k, "big", "123456789012345678901234567890"));
        Assert.Equal(Bulk("123456789012345678899921813504"), await raw.CommandAsync("HINCRBYFLOAT", k, "big", "1"));
        await raw.CommandAsync("HSET", k, "int", "3", "s", "abc", "inf", "inf");
        Assert.Equal(Bulk("4.5"), await raw.CommandAsync("HINCRBYFLOAT", k, "int", "1.5"));
        Assert.Equal(Bulk("4.5"), await raw.CommandAsync("HGET", k, "int"));
        Assert.Equal("-ERR hash value is not a float\r\n", await raw.CommandAsync("HINCRBYFLOAT", k, "s", "1"));
        Assert.Equal("-ERR value is not a valid float\r\n", await raw.CommandAsync("HINCRBYFLOAT", k, "f", "x"));
        Assert.Equal("-ERR value is NaN or Infinity\r\n", await raw.CommandAsync("HINCRBYFLOAT", k, "f", "inf"));
        Assert.Equal("-ERR increment would produce NaN or Infinity\r\n", await raw.CommandAsync("HINCRBYFLOAT", k, "inf", "1"));
        Assert.Equal(Bulk("10.6"), await raw.CommandAsync("HGET", k, "f"));
    }

    [Fact]
    public async Task Hrandfield_without_count_returns_one_field_or_nil()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        Assert.Equal(Nil, await raw.CommandAsync("HRANDFIELD", k));
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2", "c", "3");
        var seen = new HashSet<string>();
        for (int i = 0; i < 60; i++) seen.Add(await raw.CommandAsync("HRANDFIELD", k));
        Assert.Subset(new HashSet<string> { Bulk("a"), Bulk("b"), Bulk("c") }, seen);
        Assert.True(seen.Count > 1, "always the same field");
    }

    [Fact]
    public async Task Hrandfield_with_counts()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("h");
        Assert.Empty(await db.HashRandomFieldsAsync(k, 3));
        var all = Enumerable.Range(0, 10).Select(i => $"f{i}").ToHashSet();
        await db.HashSetAsync(k, all.Select(f => new StackExchange.Redis.HashEntry(f, "v" + f)).ToArray());

        var three = (await db.HashRandomFieldsAsync(k, 3)).Select(v => (string)v!).ToList();
        Assert.Equal(3, three.Distinct().Count());
        Assert.Subset(all, three.ToHashSet());
        var everything = (await db.HashRandomFieldsAsync(k, 50)).Select(v => (string)v!).ToList();
        Assert.Equal(all, everything.ToHashSet());
        Assert.Equal(10, everything.Count);

        var repeated = (await db.HashRandomFieldsAsync(k, -40)).Select(v => (string)v!).ToList();
        Assert.Equal(40, repeated.Count);
        Assert.Subset(all, repeated.ToHashSet());
        Assert.Equal(5, (await db.HashRandomFieldsAsync(k, -5)).Length);

        var withValues = await db.HashRandomFieldsWithValuesAsync(k, 4);
        Assert.Equal(4, withValues.Select(e => (string)e.Name!).Distinct().Count());
        Assert.All(withValues, e => Assert.Equal("v" + e.Name, (string)e.Value!));
        var repeatedWithValues = await db.HashRandomFieldsWithValuesAsync(k, -25);
        Assert.Equal(25, repeatedWithValues.Length);
        Assert.All(repeatedWithValues, e => Assert.Equal("v" + e.Name, (string)e.Value!));
    }

    [Fact]
    public async Task Hrandfield_errors_and_edge_counts()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        var missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("HSET", k, "a", "1");
        Assert.Equal(EmptyArray, await raw.CommandAsync("HRANDFIELD", k, "0"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HRANDFIELD", missing, "5"));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HRANDFIELD", missing, "-5", "WITHVALUES"));
        Assert.Equal(Array("a", "1", "a", "1"), await raw.CommandAsync("HRANDFIELD", k, "-2", "withvalues"));
        Assert.Equal(Array("a"), await raw.CommandAsync("HRANDFIELD", k, "7"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("HRANDFIELD", k, "1", "WITHSCORES"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("HRANDFIELD", k, "1", "WITHVALUES", "x"));
        Assert.Equal(Error("ERR value is not an integer or out of range"), await raw.CommandAsync("HRANDFIELD", k, "x"));
        Assert.Equal(Error("ERR value is out of range"), await raw.CommandAsync("HRANDFIELD", k, "-9223372036854775807", "WITHVALUES"));
        Assert.Equal(Error("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807"),
            await raw.CommandAsync("HRANDFIELD", k, "-9223372036854775808"));
    }

    [Fact]
    public async Task Hscan_walks_pages_with_match_and_count()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        var missing = ProxyFixture.Key("missing");
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CommandAsync("HSCAN", missing, "0"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CommandAsync("HSCAN", missing, "0", "COUNT", "0"));
        await raw.CommandAsync("HSET", k, "a1", "1", "b1", "2", "a2", "3");
        Assert.Equal("*2\r\n$1\r\n0\r\n" + Array("a1", "1", "b1", "2", "a2", "3"), await raw.CommandAsync("HSCAN", k, "0"));
        Assert.Equal("*2\r\n$1\r\n0\r\n" + Array("a1", "1", "a2", "3"), await raw.CommandAsync("HSCAN", k, "0", "MATCH", "a*"));

        await using var redis = await fixture.ConnectAsync();
        var entries = await redis.GetDatabase().HashScanAsync(k, "*", pageSize: 1).ToListAsync();
        Assert.Equal(["a1", "b1", "a2"], entries.Select(e => (string)e.Name!));

        Assert.Equal(Error("ERR invalid cursor"), await raw.CommandAsync("HSCAN", k, "x"));
        Assert.Equal(Error("ERR invalid cursor"), await raw.CommandAsync("HSCAN", k, "18446744073709551616"));
        // As strtoul reads it, -1 is a cursor (2^64-1), past every field.
        Assert.StartsWith("*2\r\n", await raw.CommandAsync("HSCAN", k, "-1"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("HSCAN", k, "0", "COUNT", "0"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("HSCAN", k, "0", "COUNT"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("HSCAN", k, "0", "TYPE", "hash"));
        Assert.Equal(Error("ERR value is not an integer or out of range"), await raw.CommandAsync("HSCAN", k, "0", "COUNT", "x"));
    }

    [Fact]
    public async Task Hscan_cursor_resumes_after_the_last_field_returned()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2", "c", "3");
        var first = await raw.CommandAsync("HSCAN", k, "0", "COUNT", "2");
        var cursor = first.Split("\r\n")[2];
        Assert.NotEqual("0", cursor);
        Assert.EndsWith(Array("a", "1", "b", "2"), first);
        Assert.Equal("*2\r\n$1\r\n0\r\n" + Array("c", "3"), await raw.CommandAsync("HSCAN", k, cursor, "COUNT", "2"));
    }

    [Fact]
    public async Task Redis_cli_sees_hashes_as_redis_prints_them()
    {
        var k = ProxyFixture.Key("cli");
        string[] auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("(integer) 2", (await RedisCli.RunAsync(fixture.Port, [.. auth, "HSET", k, "name", "Ada", "born", "1815"])).Trim());
        Assert.Equal("1) \"name\"\n2) \"Ada\"\n3) \"born\"\n4) \"1815\"",
            (await RedisCli.RunAsync(fixture.Port, [.. auth, "HGETALL", k])).Trim());
        Assert.Equal("(integer) 1816", (await RedisCli.RunAsync(fixture.Port, [.. auth, "HINCRBY", k, "born", "1"])).Trim());
        Assert.Equal("\"1816.5\"", (await RedisCli.RunAsync(fixture.Port, [.. auth, "HINCRBYFLOAT", k, "born", "0.5"])).Trim());
        Assert.Equal("(nil)", (await RedisCli.RunAsync(fixture.Port, [.. auth, "HGET", k, "died"])).Trim());
        Assert.Equal("(error) ERR wrong number of arguments for 'hset' command",
            (await RedisCli.RunAsync(fixture.Port, [.. auth, "HSET", k, "a"])).Trim());
    }
}
