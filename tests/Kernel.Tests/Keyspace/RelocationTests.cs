using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.Kernel.Tests.Keyspace.KeyspaceFixture;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>RENAME, RENAMENX, COPY and MOVE.</summary>
[Collection(KeyspaceCollection.Name)]
public class RelocationTests(KeyspaceFixture fixture)
{
    private const string SameObject = "-ERR source and destination objects are the same\r\n";
    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [Fact]
    public async Task Rename_moves_the_value_and_keeps_the_ttl_and_the_id()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CallAsync("SET", a, "value");
        long expiry = NowMs + 100_000;
        await raw.CallAsync("PEXPIREAT", a, expiry.ToString());
        long id = fixture.Row(TenantA, 0, Bytes(a))!.Value.Id;

        Assert.Equal("+OK\r\n", await raw.CallAsync("RENAME", a, b));
        Assert.Equal("$5\r\nvalue\r\n", await raw.CallAsync("GET", b));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", a));
        Assert.Equal($":{expiry}\r\n", await raw.CallAsync("PEXPIRETIME", b));
        Assert.Equal(id, fixture.Row(TenantA, 0, Bytes(b))!.Value.Id);
    }

    [Fact]
    public async Task Rename_overwrites_a_destination_of_any_type()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), hash = ProxyFixture.Key("hash");
        await raw.CallAsync("SET", a, "v");
        fixture.InsertRow(TenantA, 0, Bytes(hash), 2, expiresAt: NowMs + 100_000);
        Assert.Equal("+OK\r\n", await raw.CallAsync("RENAME", a, hash));
        Assert.Equal("+string\r\n", await raw.CallAsync("TYPE", hash));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", hash));
    }

    [Fact]
    public async Task Rename_of_a_collection_keeps_its_id_so_its_children_follow()
    {
        using var raw = await fixture.RawAsync();
        string hash = ProxyFixture.Key("hash"), renamed = ProxyFixture.Key("renamed");
        fixture.InsertRow(TenantA, 0, Bytes(hash), 2);
        long id = fixture.Row(TenantA, 0, Bytes(hash))!.Value.Id;
        Assert.Equal(":1\r\n", await raw.CallAsync("RENAMENX", hash, renamed));
        Assert.Equal("+hash\r\n", await raw.CallAsync("TYPE", renamed));
        Assert.Equal(id, fixture.Row(TenantA, 0, Bytes(renamed))!.Value.Id);
    }

    [Fact]
    public async Task Rename_of_a_missing_or_expired_key_is_no_such_key()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key(), dst = ProxyFixture.Key("dst");
        Assert.Equal("-ERR no such key\r\n", await raw.CallAsync("RENAME", k, dst));
        Assert.Equal("-ERR no such key\r\n", await raw.CallAsync("RENAMENX", k, dst));
        Assert.Equal("-ERR no such key\r\n", await raw.CallAsync("RENAME", k, k));
        await raw.CallAsync("SET", k, "v");
        await fixture.ExpireSoonAsync(raw, Bytes(k));
        Assert.Equal("-ERR no such key\r\n", await raw.CallAsync("RENAME", k, dst));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", dst));
    }

    [Fact]
    public async Task Rename_onto_itself_is_ok_and_renamenx_onto_itself_is_zero()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key();
        await raw.CallAsync("SET", k, "v");
        Assert.Equal("+OK\r\n", await raw.CallAsync("RENAME", k, k));
        Assert.Equal(":0\r\n", await raw.CallAsync("RENAMENX", k, k));
        Assert.Equal("$1\r\nv\r\n", await raw.CallAsync("GET", k));
    }

    [Fact]
    public async Task Renamenx_keeps_a_live_destination_but_replaces_an_expired_one()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CallAsync("SET", a, "A");
        await raw.CallAsync("SET", b, "B");
        Assert.Equal(":0\r\n", await raw.CallAsync("RENAMENX", a, b));
        Assert.Equal("$1\r\nA\r\n", await raw.CallAsync("GET", a));
        Assert.Equal("$1\r\nB\r\n", await raw.CallAsync("GET", b));

        await fixture.ExpireSoonAsync(raw, Bytes(b));
        Assert.Equal(":1\r\n", await raw.CallAsync("RENAMENX", a, b));
        Assert.Equal("$1\r\nA\r\n", await raw.CallAsync("GET", b));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", b));
    }

    [Fact]
    public async Task Rename_handles_binary_keys()
    {
        using var raw = await fixture.RawAsync();
        var id = Guid.NewGuid().ToString("N");
        string a = $"\0{id}\r\n", b = $"\xff{id}\0";
        await raw.CallAsync("SET", a, "bin");
        Assert.Equal("+OK\r\n", await raw.CallAsync("RENAME", a, b));
        Assert.Equal("$3\r\nbin\r\n", await raw.CallAsync("GET", b));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", a));
        Assert.Equal(":1\r\n", await raw.CallAsync("RENAMENX", b, a));
        Assert.Equal($"*1\r\n${a.Length}\r\n{a}\r\n", await raw.CallAsync("KEYS", $"\0{id}*"));
    }

    [Fact]
    public async Task Another_tenant_cannot_rename_copy_or_move_the_key()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        string k = ProxyFixture.Key(), dst = ProxyFixture.Key("dst");
        await a.CallAsync("SET", k, "v");
        Assert.Equal("-ERR no such key\r\n", await b.CallAsync("RENAME", k, dst));
        Assert.Equal(":0\r\n", await b.CallAsync("COPY", k, dst));
        Assert.Equal(":0\r\n", await b.CallAsync("MOVE", k, "1"));
        Assert.Equal("$1\r\nv\r\n", await a.CallAsync("GET", k));
        Assert.Equal(":0\r\n", await a.CallAsync("EXISTS", dst));
    }

    [Fact]
    public async Task Crossing_copies_between_two_keys_never_fail_on_lock_order()
    {
        string x = ProxyFixture.Key("x"), y = ProxyFixture.Key("y");
        await using var mux = await fixture.ConnectAsync();
        var db = mux.GetDatabase();
        await db.StringSetAsync(x, "x");
        await db.StringSetAsync(y, "y");
        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < 20; i++)
            {
                var (from, to) = (w + i) % 2 == 0 ? (x, y) : (y, x);
                Assert.Equal(1, (long)await db.ExecuteAsync("COPY", from, to, "REPLACE"));
            }
        }));
        await Task.WhenAll(workers);
        Assert.Equal(2, (long)await db.ExecuteAsync("EXISTS", x, y));
    }

    [Fact]
    public async Task Copy_duplicates_a_string_with_its_ttl_into_a_new_row()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CallAsync("SET", a, "one");
        long expiry = NowMs + 100_000;
        await raw.CallAsync("PEXPIREAT", a, expiry.ToString());

        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", a, b));
        Assert.Equal("$3\r\none\r\n", await raw.CallAsync("GET", b));
        Assert.Equal("$3\r\none\r\n", await raw.CallAsync("GET", a));
        Assert.Equal($":{expiry}\r\n", await raw.CallAsync("PEXPIRETIME", b));
        Assert.NotEqual(fixture.Row(TenantA, 0, Bytes(a))!.Value.Id, fixture.Row(TenantA, 0, Bytes(b))!.Value.Id);

        await raw.CallAsync("SET", a, "two");
        Assert.Equal(":0\r\n", await raw.CallAsync("COPY", a, b));
        Assert.Equal("$3\r\none\r\n", await raw.CallAsync("GET", b));
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", a, b, "REPLACE"));
        Assert.Equal("$3\r\ntwo\r\n", await raw.CallAsync("GET", b));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", b));
    }

    [Fact]
    public async Task Copy_to_another_database()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key(), other = ProxyFixture.Key("other");
        await raw.CallAsync("SET", k, "db0");
        Assert.Equal(SameObject, await raw.CallAsync("COPY", k, k));
        Assert.Equal(SameObject, await raw.CallAsync("COPY", k, k, "DB", "0"));
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", k, k, "DB", "1"));
        Assert.Equal(":0\r\n", await raw.CallAsync("COPY", k, k, "db", "1"));
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", k, other, "REPLACE", "DB", "1"));
        await raw.CallAsync("SET", k, "new");
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", k, k, "DB", "1", "REPLACE"));

        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "1"));
        Assert.Equal("$3\r\nnew\r\n", await raw.CallAsync("GET", k));
        Assert.Equal("$3\r\ndb0\r\n", await raw.CallAsync("GET", other));
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", other, other, "DB", "0"));
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "0"));
        Assert.Equal("$3\r\ndb0\r\n", await raw.CallAsync("GET", other));
    }

    [Theory]
    [InlineData("-ERR DB index is out of range", "DB", "16")]
    [InlineData("-ERR DB index is out of range", "DB", "-1")]
    [InlineData("-ERR value is not an integer or out of range", "DB", "x")]
    [InlineData("-ERR value is not an integer or out of range", "DB", "4294967296")]
    [InlineData("-ERR syntax error", "DB")]
    [InlineData("-ERR syntax error", "FOO")]
    [InlineData("-ERR syntax error", "REPLACE", "X")]
    public async Task Copy_refuses_bad_options(string error, params string[] options)
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CallAsync("SET", a, "v");
        Assert.Equal(error + "\r\n", await raw.CallAsync(["COPY", a, b, .. options]));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", b));
    }

    [Fact]
    public async Task Copy_treats_expired_keys_as_absent()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CallAsync("SET", a, "A");
        await raw.CallAsync("SET", b, "B");
        await fixture.ExpireSoonAsync(raw, Bytes(b));
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", a, b));
        Assert.Equal("$1\r\nA\r\n", await raw.CallAsync("GET", b));
        await fixture.ExpireSoonAsync(raw, Bytes(a));
        Assert.Equal(":0\r\n", await raw.CallAsync("COPY", a, ProxyFixture.Key("c")));
        Assert.Equal(":0\r\n", await raw.CallAsync("COPY", ProxyFixture.Key("missing"), b, "REPLACE"));
    }

    [Fact]
    public async Task Copy_of_a_type_no_loaded_family_stores_is_refused_rather_than_half_done()
    {
        using var raw = await fixture.RawAsync();
        string stream = ProxyFixture.Key("stream"), dst = ProxyFixture.Key("dst"), taken = ProxyFixture.Key("taken");
        fixture.InsertRow(TenantA, 0, Bytes(stream), 6);
        await raw.CallAsync("SET", taken, "v");
        const string refused = "-ERR COPY is not supported for stream keys: no loaded family stores them\r\n";
        Assert.Equal(refused, await raw.CallAsync("COPY", stream, dst));
        Assert.Equal(":0\r\n", await raw.CallAsync("COPY", stream, taken));
        Assert.Equal(refused, await raw.CallAsync("COPY", stream, taken, "REPLACE"));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", dst));
        Assert.Equal("$1\r\nv\r\n", await raw.CallAsync("GET", taken));
    }

    [Fact]
    public async Task Copy_handles_binary_keys_and_values()
    {
        using var raw = await fixture.RawAsync();
        var id = Guid.NewGuid().ToString("N");
        string a = $"\0{id}", b = $"{id}\r\n\xff";
        await raw.CallAsync("SET", a, "\0\r\n\xff");
        Assert.Equal(":1\r\n", await raw.CallAsync("COPY", a, b));
        Assert.Equal("$4\r\n\0\r\n\xff\r\n", await raw.CallAsync("GET", b));
    }

    [Fact]
    public async Task Move_transfers_the_key_with_its_ttl_and_id()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key();
        fixture.ClearDb(TenantA, 1);
        await raw.CallAsync("SET", k, "v");
        long expiry = NowMs + 100_000;
        await raw.CallAsync("PEXPIREAT", k, expiry.ToString());
        long id = fixture.Row(TenantA, 0, Bytes(k))!.Value.Id;

        Assert.Equal(":1\r\n", await raw.CallAsync("MOVE", k, "1"));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", k));
        Assert.Equal((id, (long?)expiry), fixture.Row(TenantA, 1, Bytes(k)));
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "1"));
        Assert.Equal("$1\r\nv\r\n", await raw.CallAsync("GET", k));
        Assert.Equal(":1\r\n", await raw.CallAsync("MOVE", k, "0"));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", k));
        Assert.Equal(id, fixture.Row(TenantA, 0, Bytes(k))!.Value.Id);
    }

    [Fact]
    public async Task Move_answers_zero_for_a_missing_source_or_a_live_destination()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key();
        Assert.Equal(":0\r\n", await raw.CallAsync("MOVE", k, "2"));
        await raw.CallAsync("SET", k, "db0");
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "2"));
        await raw.CallAsync("SET", k, "db2");
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "0"));
        Assert.Equal(":0\r\n", await raw.CallAsync("MOVE", k, "2"));
        Assert.Equal("$3\r\ndb0\r\n", await raw.CallAsync("GET", k));

        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "2"));
        await fixture.ExpireSoonAsync(raw, Bytes(k), db: 2);
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "0"));
        Assert.Equal(":1\r\n", await raw.CallAsync("MOVE", k, "2"));
        Assert.Null(fixture.Row(TenantA, 0, Bytes(k)));
        Assert.Null(fixture.Row(TenantA, 2, Bytes(k))!.Value.ExpiresAt);

        await raw.CallAsync("SET", k, "again");
        await fixture.ExpireSoonAsync(raw, Bytes(k));
        Assert.Equal(":0\r\n", await raw.CallAsync("MOVE", k, "3"));
    }

    [Theory]
    [InlineData(SameObject, "0")]
    [InlineData("-ERR DB index is out of range\r\n", "16")]
    [InlineData("-ERR DB index is out of range\r\n", "-1")]
    [InlineData("-ERR value is not an integer or out of range\r\n", "one")]
    public async Task Move_refuses_bad_databases(string error, string db)
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key();
        await raw.CallAsync("SET", k, "v");
        Assert.Equal(error, await raw.CallAsync("MOVE", k, db));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXISTS", k));
    }
}
