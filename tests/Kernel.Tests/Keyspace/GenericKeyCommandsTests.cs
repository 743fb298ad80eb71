using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.Kernel.Tests.Keyspace.KeyspaceFixture;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>DEL, UNLINK, EXISTS, TOUCH and TYPE.</summary>
[Collection(KeyspaceCollection.Name)]
public class GenericKeyCommandsTests(KeyspaceFixture fixture)
{
    [Theory]
    [InlineData("DEL")]
    [InlineData("UNLINK")]
    public async Task Delete_counts_live_keys_once_each_and_removes_them(string command)
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b");
        await raw.CallAsync("SET", a, "1");
        await raw.CallAsync("SET", b, "2");
        Assert.Equal(":2\r\n", await raw.CallAsync(command, a, b, ProxyFixture.Key("missing"), a));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", a, b));
        Assert.Equal("$-1\r\n", await raw.CallAsync("GET", a));
        Assert.Equal(":0\r\n", await raw.CallAsync(command, a));
    }

    [Fact]
    public async Task Del_removes_fifty_keys_in_one_call()
    {
        using var raw = await fixture.RawAsync();
        var keys = Enumerable.Range(0, 50).Select(i => ProxyFixture.Key($"many{i}")).ToArray();
        foreach (var key in keys) await raw.CallAsync("SET", key, "v");
        Assert.Equal(":50\r\n", await raw.CallAsync(["DEL", .. keys]));
        Assert.Equal(":0\r\n", await raw.CallAsync(["EXISTS", .. keys]));
    }

    [Fact]
    public async Task Exists_counts_a_repeated_key_each_time()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key(), other = ProxyFixture.Key();
        await raw.CallAsync("SET", k, "v");
        await raw.CallAsync("SET", other, "v");
        Assert.Equal(":1\r\n", await raw.CallAsync("EXISTS", k));
        Assert.Equal(":3\r\n", await raw.CallAsync("EXISTS", k, k, ProxyFixture.Key("missing"), other));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", ProxyFixture.Key("missing")));
    }

    [Fact]
    public async Task Touch_counts_existing_keys()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key();
        await raw.CallAsync("SET", k, "v");
        Assert.Equal(":2\r\n", await raw.CallAsync("TOUCH", k, ProxyFixture.Key("missing"), k));
        Assert.Equal("$1\r\nv\r\n", await raw.CallAsync("GET", k));
    }

    [Fact]
    public async Task Type_names_every_type_and_none_for_a_missing_key()
    {
        using var raw = await fixture.RawAsync();
        string s = ProxyFixture.Key("s");
        await raw.CallAsync("SET", s, "v");
        Assert.Equal("+string\r\n", await raw.CallAsync("TYPE", s));
        foreach (var (code, name) in new[] { (2, "hash"), (3, "list"), (4, "set"), (5, "zset"), (6, "stream") })
        {
            var key = ProxyFixture.Key(name);
            fixture.InsertRow(TenantA, 0, Bytes(key), code);
            Assert.Equal($"+{name}\r\n", await raw.CallAsync("TYPE", key));
        }
        Assert.Equal("+none\r\n", await raw.CallAsync("TYPE", ProxyFixture.Key("missing")));
    }

    [Fact]
    public async Task Commands_work_on_keys_of_any_type()
    {
        using var raw = await fixture.RawAsync();
        string h = ProxyFixture.Key("hash");
        fixture.InsertRow(TenantA, 0, Bytes(h), 2);
        Assert.Equal(":1\r\n", await raw.CallAsync("EXISTS", h));
        Assert.Equal(":1\r\n", await raw.CallAsync("DEL", h));
        Assert.Equal("+none\r\n", await raw.CallAsync("TYPE", h));
    }

    [Fact]
    public async Task Expired_keys_are_absent_although_their_rows_remain()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key(), hash = ProxyFixture.Key("hash");
        await raw.CallAsync("SET", k, "v");
        await fixture.ExpireSoonAsync(raw, Bytes(k));
        fixture.InsertRow(TenantA, 0, Bytes(hash), 2, expiresAt: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 1000);

        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", k, hash));
        Assert.Equal(":0\r\n", await raw.CallAsync("TOUCH", k, hash));
        Assert.Equal("+none\r\n", await raw.CallAsync("TYPE", k));
        Assert.Equal("+none\r\n", await raw.CallAsync("TYPE", hash));
        Assert.Equal(":0\r\n", await raw.CallAsync("DEL", k, hash));
        Assert.Equal(":0\r\n", await raw.CallAsync("UNLINK", k, hash));
        Assert.NotNull(fixture.Row(TenantA, 0, Bytes(k)));
    }

    [Fact]
    public async Task Binary_keys_are_distinct_and_exact()
    {
        using var raw = await fixture.RawAsync();
        var id = Guid.NewGuid().ToString("N");
        string[] keys = [$"\0{id}", $"{id}\r\n", $"\xff{id}", $"{id}\0\r\n\xff"];
        foreach (var key in keys) Assert.Equal("+OK\r\n", await raw.CallAsync("SET", key, key));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", id, $"{id}\r", $"\xfe{id}"));
        Assert.Equal(":4\r\n", await raw.CallAsync(["EXISTS", .. keys]));
        Assert.Equal("+string\r\n", await raw.CallAsync("TYPE", keys[3]));
        Assert.Equal(":1\r\n", await raw.CallAsync("DEL", keys[2]));
        Assert.Equal(":3\r\n", await raw.CallAsync(["UNLINK", .. keys]));
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_deletes_the_keys()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        string k = ProxyFixture.Key();
        await a.CallAsync("SET", k, "v");
        Assert.Equal(":0\r\n", await b.CallAsync("EXISTS", k));
        Assert.Equal(":0\r\n", await b.CallAsync("TOUCH", k));
        Assert.Equal("+none\r\n", await b.CallAsync("TYPE", k));
        Assert.Equal(":0\r\n", await b.CallAsync("DEL", k));
        Assert.Equal(":0\r\n", await b.CallAsync("UNLINK", k));
        Assert.Equal(":1\r\n", await a.CallAsync("EXISTS", k));
    }

    [Fact]
    public async Task Each_database_has_its_own_keys()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key();
        await raw.CallAsync("SET", k, "db0");
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "1"));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", k));
        Assert.Equal("+none\r\n", await raw.CallAsync("TYPE", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("DEL", k));
        await raw.CallAsync("SET", k, "db1");
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "0"));
        Assert.Equal(":1\r\n", await raw.CallAsync("DEL", k));
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", "1"));
        Assert.Equal("$3\r\ndb1\r\n", await raw.CallAsync("GET", k));
    }
}
