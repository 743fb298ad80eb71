using StackExchange.Redis;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.Kernel.Tests.Keyspace.KeyspaceFixture;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>KEYS, SCAN and RANDOMKEY; each test works in a db of its own, cleared first.</summary>
[Collection(KeyspaceCollection.Name)]
public class IterationTests(KeyspaceFixture fixture)
{
    private static readonly StringComparer Bytewise = StringComparer.Ordinal;

    private async Task<RawRespClient> RawInCleanDbAsync(int db, string user = ProxyFixture.UserA, string tenant = TenantA)
    {
        fixture.ClearDb(tenant, db);
        var raw = await fixture.RawAsync(user);
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", db.ToString()));
        return raw;
    }

    private static string Latin1(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    private static async Task<string[]> KeysAsync(IDatabase db, string pattern)
    {
        var reply = (RedisResult[])(await db.ExecuteAsync("KEYS", Bytes(pattern)))!;
        return reply.Select(r => Latin1((byte[])r!)).Order(Bytewise).ToArray();
    }

    /// <summary>Walks SCAN to the end and returns every key in the order returned, checking each page's size.</summary>
    private static async Task<List<string>> ScanAllAsync(IDatabase db, params object[] options)
    {
        var keys = new List<string>();
        string cursor = "0";
        int pages = 0;
        do
        {
            // Strings go as Latin-1 bytes: the client would send them as UTF-8.
            var args = options.Select(o => o is string s ? Bytes(s) : o).Prepend(cursor).ToArray();
            var reply = (RedisResult[])(await db.ExecuteAsync("SCAN", args))!;
            cursor = (string)reply[0]!;
            keys.AddRange(((RedisResult[])reply[1]!).Select(r => Latin1((byte[])r!)));
            Assert.True(++pages < 10_000, "SCAN never finished");
        } while (cursor != "0");
        return keys;
    }

    [Fact]
    public async Task Keys_returns_the_keys_matching_a_glob()
    {
        using var raw = await RawInCleanDbAsync(2);
        foreach (var key in new[] { "user:1", "user:2", "user:10", "user:[x]", "usex", "order:1", "Users" })
            await raw.CallAsync("SET", key, "v");
        await using var mux = await fixture.ConnectAsync();
        var db = mux.GetDatabase(2);
        Assert.Equal(["Users", "order:1", "user:1", "user:10", "user:2", "user:[x]", "usex"], await KeysAsync(db, "*"));
        Assert.Equal(["user:1", "user:10", "user:2", "user:[x]"], await KeysAsync(db, "user:*"));
        Assert.Equal(["user:1", "user:2"], await KeysAsync(db, "user:?"));
        Assert.Equal(["user:1", "user:10"], await KeysAsync(db, "user:1*"));
        Assert.Equal(["user:[x]"], await KeysAsync(db, "user:\\[x\\]"));
        Assert.Equal(["user:2", "user:[x]"], await KeysAsync(db, "user:[^1]*"));
        Assert.Equal(["user:1", "user:2"], await KeysAsync(db, "user:[0-9]"));
        Assert.Equal(["Users", "user:1", "user:10", "user:2", "user:[x]", "usex"], await KeysAsync(db, "[uU]s*"));
        Assert.Equal(["user:10"], await KeysAsync(db, "user:10"));
        Assert.Empty(await KeysAsync(db, "nothing*"));
        Assert.Equal("*0\r\n", await raw.CallAsync("KEYS", "nothing*"));
        Assert.Equal("*1\r\n$7\r\norder:1\r\n", await raw.CallAsync("KEYS", "o*"));
    }

    [Fact]
    public async Task Keys_matches_binary_keys_including_prefixes_of_0xff()
    {
        using var raw = await RawInCleanDbAsync(3);
        string[] keys = ["\0bin", "bin\r\n", "\xff", "\u00ffbin", "\xff\xffz", "\xfe\xff", "plain"];
        foreach (var key in keys) await raw.CallAsync("SET", key, "v");
        await using var mux = await fixture.ConnectAsync();
        var db = mux.GetDatabase(3);
        Assert.Equal(keys.Order(Bytewise), await KeysAsync(db, "*"));
        Assert.Equal(["\0bin"], await KeysAsync(db, "\0*"));
        Assert.Equal(["bin\r\n"], await KeysAsync(db, "*\r\n"));
        Assert.Equal(["\xff", "\u00ffbin", "\xff\xffz"], await KeysAsync(db, "\xff*"));
        Assert.Equal(["\xff\xffz"], await KeysAsync(db, "\xff\xff*"));
        Assert.Equal(["\xfe\xff"], await KeysAsync(db, "\xfe*"));
        Assert.Equal(new[] { "\xfe\xff", "\xff", "\xff\xffz", "\u00ffbin" }.Order(Bytewise), await KeysAsync(db, "[\xfe-\xff]*"));
        Assert.Equal(["\xff\xffz"], await KeysAsync(db, "*z"));
    }

    [Fact]
    public async Task Keys_skips_expired_keys_and_other_databases()
    {
        using var raw = await RawInCleanDbAsync(4);
        fixture.ClearDb(TenantA, 5);
        await raw.CallAsync("SET", "live", "v");
        await raw.CallAsync("SET", "dying", "v");
        fixture.InsertRow(TenantA, 4, Bytes("old"), 2, expiresAt: 1);
        fixture.InsertRow(TenantA, 5, Bytes("elsewhere"), 1);
        await fixture.ExpireSoonAsync(raw, Bytes("dying"), db: 4);
        Assert.Equal("*1\r\n$4\r\nlive\r\n", await raw.CallAsync("KEYS", "*"));
        Assert.Equal("*0\r\n", await raw.CallAsync("KEYS", "dying"));
        Assert.Equal("*0\r\n", await raw.CallAsync("KEYS", "o*"));
    }

    [Fact]
    public async Task Scan_over_a_thousand_keys_with_count_37_returns_each_exactly_once()
    {
        fixture.ClearDb(TenantA, 6);
        var expected = Enumerable.Range(0, 1000).Select(i => $"scan:{i}").ToList();
        fixture.InsertStrings(TenantA, 6, expected.Select(Bytes));
        await using var mux = await fixture.ConnectAsync();
        var db = mux.GetDatabase(6);

        var seen = new List<string>();
        string cursor = "0";
        do
        {
            var reply = (RedisResult[])(await db.ExecuteAsync("SCAN", cursor, "COUNT", 37))!;
            cursor = (string)reply[0]!;
            var page = ((RedisResult[])reply[1]!).Select(r => (string)r!).ToList();
            Assert.InRange(page.Count, 0, 37);
            seen.AddRange(page);
        } while (cursor != "0");

        Assert.Equal(1000, seen.Count);
        Assert.Equal(expected.Order(Bytewise), seen.Order(Bytewise));
    }

    [Fact]
    public async Task Scan_returns_every_key_present_for_the_whole_walk_while_others_come_and_go()
    {
        using var raw = await RawInCleanDbAsync(7);
        var stable = Enumerable.Range(0, 60).Select(i => $"stable:{i}").ToList();
        var doomed = Enumerable.Range(0, 60).Select(i => $"doomed:{i}").ToList();
        fixture.InsertStrings(TenantA, 7, stable.Concat(doomed).Select(Bytes));
        var seen = new List<string>();
        string cursor = "0";
        int step = 0;
        do
        {
            var reply = await raw.CallAsync("SCAN", cursor, "COUNT", "7");
            var lines = reply.Split("\r\n");
            cursor = lines[2];
            for (int i = 5; i < lines.Length - 1; i += 2) seen.Add(lines[i]);
            // Between pages, delete a doomed key and add a new one.
            await raw.CallAsync("DEL", doomed[step % doomed.Count]);
            await raw.CallAsync("SET", $"new:{step++}", "v");
        } while (cursor != "0");

        Assert.All(stable, key => Assert.Single(seen, key));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Scan_filters_by_match_and_type_and_skips_expired_keys()
    {
        using var raw = await RawInCleanDbAsync(8);
        await raw.CallAsync("SET", "s1", "v");
        await raw.CallAsync("SET", "s2", "v");
        await raw.CallAsync("SET", "t1", "v");
        fixture.InsertRow(TenantA, 8, Bytes("h1"), 2);
        fixture.InsertRow(TenantA, 8, Bytes("z1"), 5);
        fixture.InsertRow(TenantA, 8, Bytes("h-old"), 2, expiresAt: 1);
        await using var mux = await fixture.ConnectAsync();
        var db = mux.GetDatabase(8);

        Assert.Equal(["h1", "s1", "s2", "t1", "z1"], (await ScanAllAsync(db)).Order(Bytewise));
        Assert.Equal(["s1", "s2"], (await ScanAllAsync(db, "MATCH", "s*", "COUNT", 1)).Order(Bytewise));
        Assert.Equal(["h1"], await ScanAllAsync(db, "TYPE", "hash"));
        Assert.Equal(["h1"], await ScanAllAsync(db, "type", "HASH", "count", 2));
        Assert.Equal(["z1"], await ScanAllAsync(db, "TYPE", "zset"));
        Assert.Equal(["s1", "s2", "t1"], (await ScanAllAsync(db, "TYPE", "string", "COUNT", 1)).Order(Bytewise));
        Assert.Equal(["t1"], await ScanAllAsync(db, "TYPE", "string", "MATCH", "t?"));
        Assert.Empty(await ScanAllAsync(db, "TYPE", "list"));
        Assert.Empty(await ScanAllAsync(db, "MATCH", "nothing*"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CallAsync("SCAN", "0", "TYPE", "nosuchtype"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*1\r\n$2\r\nh1\r\n", await raw.CallAsync("SCAN", "0", "MATCH", "h*"));
    }

    [Fact]
    public async Task Scan_returns_binary_keys_intact()
    {
        using var raw = await RawInCleanDbAsync(9);
        string[] keys = ["\0bin", "bin\r\n", "\u00ffbin", "a\0\r\n\xff"];
        foreach (var key in keys) await raw.CallAsync("SET", key, "v");
        await using var mux = await fixture.ConnectAsync();
        var db = mux.GetDatabase(9);
        Assert.Equal(keys.Order(Bytewise), (await ScanAllAsync(db, "COUNT", 1)).Order(Bytewise));
        Assert.Equal(["\u00ffbin"], await ScanAllAsync(db, "MATCH", "\xff*"));
        Assert.Equal(["bin\r\n"], await ScanAllAsync(db, "MATCH", "*\r\n"));
    }

    [Theory]
    [InlineData("-ERR invalid cursor", "abc")]
    [InlineData("-ERR invalid cursor", " 1")]
    [InlineData("-ERR invalid cursor", "1.5")]
    [InlineData("-ERR invalid cursor", "99999999999999999999999")]
    [InlineData("-ERR invalid cursor", "abc", "COUNT", "0")]
    [InlineData("-ERR syntax error", "0", "COUNT", "0")]
    [InlineData("-ERR syntax error", "0", "COUNT", "-3")]
    [InlineData("-ERR value is not an integer or out of range", "0", "COUNT", "x")]
    [InlineData("-ERR syntax error", "0", "MATCH")]
    [InlineData("-ERR syntax error", "0", "FOO", "bar")]
    [InlineData("-ERR syntax error", "0", "TYPE", "hash", "COUNT")]
    public async Task Scan_refuses_bad_cursors_and_options(string error, params string[] args)
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal(error + "\r\n", await raw.CallAsync(["SCAN", .. args]));
    }

    [Fact]
    public async Task Scan_from_a_cursor_past_the_end_is_done()
    {
        using var raw = await RawInCleanDbAsync(10);
        await raw.CallAsync("SET", "k", "v");
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await raw.CallAsync("SCAN", "18446744073709551615"));
    }

    [Fact]
    public async Task Randomkey_is_null_on_an_empty_database_and_otherwise_a_live_key()
    {
        using var raw = await RawInCleanDbAsync(11);
        Assert.Equal("$-1\r\n", await raw.CallAsync("RANDOMKEY"));
        fixture.InsertRow(TenantA, 11, Bytes("gone"), 1, expiresAt: 1);
        Assert.Equal("$-1\r\n", await raw.CallAsync("RANDOMKEY"));

        await raw.CallAsync("SET", "only\r\n\xff", "v");
        // Expired rows on both sides of the live one: whatever id is drawn, the live key is found.
        fixture.InsertStrings(TenantA, 11, Enumerable.Range(0, 20).Select(i => Bytes($"late{i}")));
        for (int i = 0; i < 20; i++) await raw.CallAsync("PEXPIREAT", $"late{i}", "1");
        for (int i = 0; i < 15; i++) Assert.Equal("$7\r\nonly\r\n\xff\r\n", await raw.CallAsync("RANDOMKEY"));

        var keys = new[] { "a", "b", "c", "d" };
        foreach (var key in keys) await raw.CallAsync("SET", key, "v");
        var drawn = new HashSet<string>();
        for (int i = 0; i < 60; i++)
        {
            var reply = await raw.CallAsync("RANDOMKEY");
            drawn.Add(reply.Split("\r\n")[1]);
        }
        Assert.Subset(new HashSet<string>(keys.Append("only")), drawn.Select(k => k.Split('\r')[0]).ToHashSet());
        Assert.True(drawn.Count >= 2, $"RANDOMKEY always answered {string.Join(",", drawn)}");
    }
}
