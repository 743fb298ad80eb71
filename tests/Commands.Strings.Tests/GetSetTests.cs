using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.Commands.Strings.Tests;

[Collection(StringsCollection.Name)]
public class GetSetTests(StringsFixture fixture)
{
    [Fact]
    public async Task Set_then_get_round_trips_and_overwrites()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v1"));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v2"));
        Assert.Equal("$2\r\nv2\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, ""));
        Assert.Equal("$0\r\n\r\n", await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Set_with_expiry_options_stores_absolute_expiry()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        var before = StringsFixture.NowMs;
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v", "EX", "100"));
        var expiry = (await fixture.RowAsync(k))!.Value.ExpiresAt!.Value;
        Assert.InRange(expiry, before + 100_000, StringsFixture.NowMs + 100_000);

        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v", "px", "5000"));
        expiry = (await fixture.RowAsync(k))!.Value.ExpiresAt!.Value;
        Assert.InRange(expiry, before + 5000, StringsFixture.NowMs + 5000);

        var at = StringsFixture.NowMs / 1000 + 3600;
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v", "EXAT", at.ToString()));
        Assert.Equal(at * 1000, (await fixture.RowAsync(k))!.Value.ExpiresAt);
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v", "PXAT", (at * 1000 + 7).ToString()));
        Assert.Equal(at * 1000 + 7, (await fixture.RowAsync(k))!.Value.ExpiresAt);

        // A plain SET removes the expiry, KEEPTTL keeps it.
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v", "KEEPTTL"));
        Assert.Equal(at * 1000 + 7, (await fixture.RowAsync(k))!.Value.ExpiresAt);
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "w"));
        Assert.Null((await fixture.RowAsync(k))!.Value.ExpiresAt);
        Assert.Equal("$1\r\nw\r\n", await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Set_nx_xx_and_get_follow_redis_7()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", k, "x", "XX"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "a", "NX"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", k, "b", "NX"));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "c", "XX"));
        Assert.Equal("$1\r\nc\r\n", await raw.CommandAsync("SET", k, "d", "GET"));
        // Redis 7.0 allows NX with GET: the old value comes back and nothing is written.
        Assert.Equal("$1\r\nd\r\n", await raw.CommandAsync("SET", k, "e", "NX", "GET"));
        Assert.Equal("$1\r\nd\r\n", await raw.CommandAsync("GET", k));
        var fresh = ProxyFixture.Key();
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", fresh, "f", "GET", "EX", "100"));
        Assert.Equal("$1\r\nf\r\n", await raw.CommandAsync("GET", fresh));
        // Repeating an option is allowed; for a repeated expiry the last value counts.
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", fresh, "g", "nx", "nx"));
        var repeated = ProxyFixture.Key();
        var before = StringsFixture.NowMs;
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", repeated, "g", "nx", "nx", "EX", "x", "ex", "100"));
        Assert.InRange((await fixture.RowAsync(repeated))!.Value.ExpiresAt!.Value, before + 100_000, StringsFixture.NowMs + 100_000);
    }

    [Theory]
    [InlineData("NX", "XX")]
    [InlineData("XX", "NX")]
    [InlineData("EX", "10", "PX", "100")]
    [InlineData("PX", "100", "EXAT", "100")]
    [InlineData("KEEPTTL", "EX", "10")]
    [InlineData("EX", "10", "KEEPTTL")]
    [InlineData("EX")]
    [InlineData("PERSIST")]
    [InlineData("FOO")]
    public async Task Set_rejects_bad_option_combinations(params string[] options)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync(["SET", k, "v", .. options]));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GET", k));
    }

    [Theory]
    [InlineData("EX", "0", "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData("PX", "-5", "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData("EXAT", "0", "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData("EX", "9223372036854775", "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData("PX", "9223372036854775807", "-ERR invalid expire time in 'set' command\r\n")]
    [InlineData("EX", "1.5", "-ERR value is not an integer or out of range\r\n")]
    [InlineData("EX", "abc", "-ERR value is not an integer or out of range\r\n")]
    public async Task Set_rejects_bad_expiry_and_writes_nothing(string option, string amount, string error)
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal(error, await raw.CommandAsync("SET", k, "v", option, amount));
        Assert.Null(await fixture.RowAsync(k));
    }

    [Fact]
    public async Task Set_get_on_another_type_is_wrongtype_and_writes_nothing()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        await fixture.InsertKeyOfTypeAsync(k);
        Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", await raw.CommandAsync("SET", k, "v", "GET"));
        Assert.Equal(2, (await fixture.RowAsync(k))!.Value.Type);
        Assert.Equal("$-1\r\n", await raw.CommandAsync("SET", k, "v", "NX"));
        // A plain SET replaces a key of any type.
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", k, "v"));
        Assert.Equal("$1\r\nv\r\n", await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Setnx_setex_psetex()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal(":1\r\n", await raw.CommandAsync("SETNX", k, "a"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("SETNX", k, "b"));
        Assert.Equal("$1\r\na\r\n", await raw.CommandAsync("GET", k));

        var before = StringsFixture.NowMs;
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SETEX", k, "100", "s"));
        Assert.InRange((await fixture.RowAsync(k))!.Value.ExpiresAt!.Value, before + 100_000, StringsFixture.NowMs + 100_000);
        Assert.Equal("+OK\r\n", await raw.CommandAsync("PSETEX", k, "100000", "p"));
        Assert.Equal("$1\r\np\r\n", await raw.CommandAsync("GET", k));
        Assert.Equal("-ERR invalid expire time in 'setex' command\r\n", await raw.CommandAsync("SETEX", k, "0", "x"));
        Assert.Equal("-ERR invalid expire time in 'psetex' command\r\n", await raw.CommandAsync("PSETEX", k, "-1", "x"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CommandAsync("SETEX", k, "x", "x"));
        Assert.Equal("$1\r\np\r\n", await raw.CommandAsync("GET", k));
    }

    [Fact]
    public async Task Getset_and_getdel()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GETSET", k, "a"));
        await raw.CommandAsync("PSETEX", k, "100000", "a");
        Assert.Equal("$1\r\na\r\n", await raw.CommandAsync("GETSET", k, "b"));
        Assert.Null((await fixture.RowAsync(k))!.Value.ExpiresAt);
        Assert.Equal("$1\r\nb\r\n", await raw.CommandAsync("GETDEL", k));
        Assert.Null(await fixture.RowAsync(k));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GETDEL", k));
    }

    [Fact]
    public async Task Getex_changes_or_removes_the_expiry()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key();
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GETEX", k, "EX", "10"));
        Assert.Null(await fixture.RowAsync(k));
        await raw.CommandAsync("SET", k, "v");
        Assert.Equal("$1\r\nv\r\n", await raw.CommandAsync("GETEX", k));
        var before = StringsFixture.NowMs;
        Assert.Equal("$1\r\nv\r\n", await raw.CommandAsync("GETEX", k, "EX", "100"));
        Assert.InRange((await fixture.RowAsync(k))!.Value.ExpiresAt!.Value, before + 100_000, StringsFixture.NowMs + 100_000);
        Assert.Equal("$1\r\nv\r\n", await raw.CommandAsync("GETEX", k, "PERSIST"));
        Assert.Null((await fixture.RowAsync(k))!.Value.ExpiresAt);
        Assert.Equal("$1\r\nv\r\n", await raw.CommandAsync("GETEX", k, "PXAT", "1"));
        Assert.Equal("$-1\r\n", await raw.CommandAsync("GET", k));

        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("GETEX", k, "NX"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("GETEX", k, "KEEPTTL"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("GETEX", k, "EX", "10", "PERSIST"));
        Assert.Equal("-ERR syntax error\r\n", await raw.CommandAsync("GETEX", k, "PERSIST", "PX", "10"));
        Assert.Equal("-ERR invalid expire time in 'getex' command\r\n", await raw.CommandAsync("GETEX", k, "EX", "0"));
    }

    [Fact]
    public async Task Works_through_stackexchange_redis()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key();
        Assert.True(await db.StringSetAsync(k, "hello", TimeSpan.FromMinutes(1)));
        Assert.Equal("hello", (string?)await db.StringGetAsync(k));
        Assert.False(await db.StringSetAsync(k, "x", when: When.NotExists));
        Assert.Equal("hello", (string?)await db.StringGetSetAsync(k, "world"));
        Assert.Equal("world", (string?)await db.StringGetDeleteAsync(k));
        Assert.True((await db.StringGetAsync(k)).IsNull);
    }
}
