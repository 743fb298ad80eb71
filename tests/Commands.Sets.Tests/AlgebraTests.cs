using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>SINTER, SINTERCARD, SUNION, SDIFF and the STORE forms.</summary>
[Collection(SetsCollection.Name)]
public class AlgebraTests(SetsFixture fixture)
{
    private const string WrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    /// <summary>Three sets: {a b c d}, {c d e}, {a c e}.</summary>
    private static async Task<(string X, string Y, string Z)> ThreeSetsAsync(RawRespClient raw)
    {
        string x = ProxyFixture.Key("x"), y = ProxyFixture.Key("y"), z = ProxyFixture.Key("z");
        await raw.CommandAsync("SADD", x, "a", "b", "c", "d");
        await raw.CommandAsync("SADD", y, "c", "d", "e");
        await raw.CommandAsync("SADD", z, "a", "c", "e");
        return (x, y, z);
    }

    [Fact]
    public async Task Sinter_sunion_sdiff()
    {
        using var raw = await fixture.RawAsync();
        var (x, y, z) = await ThreeSetsAsync(raw);
        var missing = ProxyFixture.Key("missing");
        Assert.Equal(["c", "d"], Resp.SortedMembers(await raw.CommandAsync("SINTER", x, y)));
        Assert.Equal(["c"], Resp.SortedMembers(await raw.CommandAsync("SINTER", x, y, z)));
        Assert.Equal(["a", "b", "c", "d"], Resp.SortedMembers(await raw.CommandAsync("SINTER", x, x)));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SINTER", x, missing));
        Assert.Equal(["a", "b", "c", "d", "e"], Resp.SortedMembers(await raw.CommandAsync("SUNION", x, y, z, missing)));
        Assert.Equal(["c", "d", "e"], Resp.SortedMembers(await raw.CommandAsync("SUNION", missing, y)));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SUNION", missing));
        Assert.Equal(["a", "b"], Resp.SortedMembers(await raw.CommandAsync("SDIFF", x, y)));
        Assert.Equal(["b"], Resp.SortedMembers(await raw.CommandAsync("SDIFF", x, y, z, missing)));
        Assert.Equal(["a", "b", "c", "d"], Resp.SortedMembers(await raw.CommandAsync("SDIFF", x)));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SDIFF", x, x));
        Assert.Equal("*0\r\n", await raw.CommandAsync("SDIFF", missing, x));
    }

    [Fact]
    public async Task Sinter_of_many_keys()
    {
        using var raw = await fixture.RawAsync();
        var keys = Enumerable.Range(0, 70).Select(i => ProxyFixture.Key($"k{i}")).ToArray();
        foreach (var key in keys) await raw.CommandAsync("SADD", key, "common", key);
        Assert.Equal(Resp.Array("common"), await raw.CommandAsync(["SINTER", .. keys]));
        Assert.Equal(":1\r\n", await raw.CommandAsync(["SINTERCARD", "70", .. keys]));
        Assert.Equal(71, Resp.Bulks(await raw.CommandAsync(["SUNION", .. keys])).Count);
    }

    [Fact]
    public async Task Sintercard_with_and_without_limit()
    {
        using var raw = await fixture.RawAsync();
        var (x, y, z) = await ThreeSetsAsync(raw);
        Assert.Equal(":2\r\n", await raw.CommandAsync("SINTERCARD", "2", x, y));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SINTERCARD", "3", x, y, z));
        Assert.Equal(":4\r\n", await raw.CommandAsync("SINTERCARD", "1", x));
        Assert.Equal(":2\r\n", await raw.CommandAsync("SINTERCARD", "1", x, "LIMIT", "2"));
        Assert.Equal(":4\r\n", await raw.CommandAsync("SINTERCARD", "1", x, "limit", "0"));
        Assert.Equal(":4\r\n", await raw.CommandAsync("SINTERCARD", "1", x, "LIMIT", "9"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SINTERCARD", "2", x, ProxyFixture.Key("missing")));
    }

    [Theory]
    [InlineData("-ERR numkeys should be greater than 0\r\n", "0", "k")]
    [InlineData("-ERR numkeys should be greater than 0\r\n", "-1", "k")]
    [InlineData("-ERR numkeys should be greater than 0\r\n", "x", "k")]
    [InlineData("-ERR Number of keys can't be greater than number of args\r\n", "3", "k", "j")]
    [InlineData("-ERR LIMIT can't be negative\r\n", "1", "k", "LIMIT", "-1")]
    [InlineData("-ERR LIMIT can't be negative\r\n", "1", "k", "LIMIT", "x")]
    [InlineData("-ERR syntax error\r\n", "1", "k", "LIMIT")]
    [InlineData("-ERR syntax error\r\n", "1", "k", "j")]
    [InlineData("-ERR syntax error\r\n", "1", "k", "LIMIT", "1", "x")]
    public async Task Sintercard_errors(string error, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal(error, await raw.CommandAsync(["SINTERCARD", .. args]));
    }

    [Fact]
    public async Task Store_forms_write_the_result_and_reply_its_size()
    {
        using var raw = await fixture.RawAsync();
        var (x, y, z) = await ThreeSetsAsync(raw);
        string inter = ProxyFixture.Key("inter"), union = ProxyFixture.Key("union"), diff = ProxyFixture.Key("diff");
        Assert.Equal(":2\r\n", await raw.CommandAsync("SINTERSTORE", inter, x, y));
        Assert.Equal(["c", "d"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", inter)));
        Assert.Equal(":5\r\n", await raw.CommandAsync("SUNIONSTORE", union, x, y, z));
        Assert.Equal(["a", "b", "c", "d", "e"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", union)));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SDIFFSTORE", diff, x, y, z));
        Assert.Equal(Resp.Array("b"), await raw.CommandAsync("SMEMBERS", diff));
        Assert.Equal(5, await fixture.MemberRowsAsync(union));
    }

    [Fact]
    public async Task Store_replaces_the_destination_even_when_it_is_a_source()
    {
        using var raw = await fixture.RawAsync();
        var (x, y, _) = await ThreeSetsAsync(raw);
        Assert.Equal(":2\r\n", await raw.CommandAsync("SINTERSTORE", x, x, y));
        Assert.Equal(["c", "d"], Resp.SortedMembers(await raw.CommandAsync("SMEMBERS", x)));
        Assert.Equal(2, await fixture.MemberRowsAsync(x));
        Assert.Equal(":3\r\n", await raw.CommandAsync("SUNIONSTORE", y, y, x));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SDIFFSTORE", y, y, x));
        Assert.Equal(Resp.Array("e"), await raw.CommandAsync("SMEMBERS", y));
    }

    [Fact]
    public async Task Store_overwrites_a_string_destination_and_drops_its_ttl()
    {
        using var raw = await fixture.RawAsync();
        var (x, y, _) = await ThreeSetsAsync(raw);
        foreach (var command in new[] { "SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE" })
        {
            var dst = ProxyFixture.Key("dst");
            await raw.CommandAsync("SET", dst, "string", "EX", "100");
            Assert.StartsWith(":", await raw.CommandAsync(command, dst, x, y));
            Assert.Equal("+set\r\n", await raw.CommandAsync("TYPE", dst));
            Assert.Equal(":-1\r\n", await raw.CommandAsync("TTL", dst));
            Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", await raw.CommandAsync("GET", dst));
        }
    }

    [Fact]
    public async Task An_empty_result_deletes_the_destination()
    {
        using var raw = await fixture.RawAsync();
        var (x, _, _) = await ThreeSetsAsync(raw);
        string dst = ProxyFixture.Key("dst"), missing = ProxyFixture.Key("missing");
        foreach (var (command, sources) in new[] { ("SINTERSTORE", new[] { x, missing }), ("SUNIONSTORE", [missing]), ("SDIFFSTORE", [x, x]) })
        {
            await raw.CommandAsync("SADD", dst, "old");
            Assert.Equal(":0\r\n", await raw.CommandAsync([command, dst, .. sources]));
            Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", dst));
            await raw.CommandAsync("SET", dst, "string");
            Assert.Equal(":0\r\n", await raw.CommandAsync([command, dst, .. sources]));
            Assert.Equal(":0\r\n", await raw.CommandAsync("EXISTS", dst));
        }
    }

    [Fact]
    public async Task A_string_source_is_wrongtype_and_nothing_is_written()
    {
        using var raw = await fixture.RawAsync();
        var (x, _, _) = await ThreeSetsAsync(raw);
        string str = ProxyFixture.Key("str"), dst = ProxyFixture.Key("dst"), missing = ProxyFixture.Key("missing");
        await raw.CommandAsync("SET", str, "v");
        await raw.CommandAsync("SADD", dst, "keep");
        foreach (var command in new[] { "SINTER", "SUNION", "SDIFF" })
        {
            Assert.Equal(WrongType, await raw.CommandAsync(command, x, str));
            // Redis checks every key, even after a missing one that already decides the answer.
            Assert.Equal(WrongType, await raw.CommandAsync(command, missing, str));
            Assert.Equal(WrongType, await raw.CommandAsync(command + "STORE", dst, x, str));
        }
        Assert.Equal(WrongType, await raw.CommandAsync("SINTERCARD", "2", x, str));
        Assert.Equal(Resp.Array("keep"), await raw.CommandAsync("SMEMBERS", dst));
    }

    [Fact]
    public async Task StackExchange_redis_combines_sets()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b"), dst = ProxyFixture.Key("dst");
        await db.SetAddAsync(a, ["1", "2", "3"]);
        await db.SetAddAsync(b, ["3", "4"]);
        Assert.Equal(["3"], (await db.SetCombineAsync(StackExchange.Redis.SetOperation.Intersect, a, b)).Select(v => (string)v!));
        Assert.Equal(4, await db.SetCombineAndStoreAsync(StackExchange.Redis.SetOperation.Union, dst, a, b));
        Assert.Equal(["1", "2"], (await db.SetCombineAsync(StackExchange.Redis.SetOperation.Difference, a, b)).Select(v => (string)v!).Order());
        Assert.Equal(1, await db.SetIntersectionLengthAsync([a, b]));
        Assert.Equal(1, await db.SetIntersectionLengthAsync([a, b, dst], limit: 1));
    }
}
