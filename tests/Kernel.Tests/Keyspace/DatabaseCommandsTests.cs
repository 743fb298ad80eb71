using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.Kernel.Tests.Keyspace.KeyspaceFixture;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>DBSIZE, FLUSHDB and FLUSHALL, and what a second tenant can (not) see or destroy.</summary>
[Collection(KeyspaceCollection.Name)]
public class DatabaseCommandsTests(KeyspaceFixture fixture)
{
    private async Task<RawRespClient> RawInAsync(int db, string user = ProxyFixture.UserA)
    {
        var raw = await fixture.RawAsync(user);
        Assert.Equal("+OK\r\n", await raw.CallAsync("SELECT", db.ToString()));
        return raw;
    }

    [Fact]
    public async Task Dbsize_counts_the_live_keys_of_the_selected_database()
    {
        fixture.ClearDb(TenantA, 12);
        fixture.ClearDb(TenantA, 13);
        using var raw = await RawInAsync(12);
        Assert.Equal(":0\r\n", await raw.CallAsync("DBSIZE"));
        foreach (var key in new[] { "a", "\0b\r\n", "\xff" }) await raw.CallAsync("SET", key, "v");
        fixture.InsertRow(TenantA, 12, Bytes("h"), 2);
        fixture.InsertRow(TenantA, 12, Bytes("expired"), 4, expiresAt: 1);
        fixture.InsertRow(TenantA, 13, Bytes("elsewhere"), 1);
        Assert.Equal(":4\r\n", await raw.CallAsync("DBSIZE"));
        await fixture.ExpireSoonAsync(raw, Bytes("a"), db: 12);
        Assert.Equal(":3\r\n", await raw.CallAsync("DBSIZE"));
    }

    [Theory]
    [InlineData]
    [InlineData("ASYNC")]
    [InlineData("sync")]
    public async Task Flushdb_empties_only_the_selected_database(params string[] mode)
    {
        fixture.ClearDb(TenantA, 14);
        using var raw = await RawInAsync(14);
        await raw.CallAsync("SET", "a", "v");
        await raw.CallAsync("SET", "\xff\0", "v");
        fixture.InsertRow(TenantA, 14, Bytes("h"), 2);
        fixture.InsertRow(TenantA, 14, Bytes("gone"), 2, expiresAt: 1);
        var keep = ProxyFixture.Key("keep");
        fixture.InsertRow(TenantA, 15, Bytes(keep), 1);
        fixture.InsertRow(TenantB, 14, Bytes(keep), 1);

        Assert.Equal("+OK\r\n", await raw.CallAsync(["FLUSHDB", .. mode]));
        Assert.Equal(":0\r\n", await raw.CallAsync("DBSIZE"));
        Assert.Null(fixture.Row(TenantA, 14, Bytes("gone")));
        Assert.NotNull(fixture.Row(TenantA, 15, Bytes(keep)));
        Assert.NotNull(fixture.Row(TenantB, 14, Bytes(keep)));
    }

    [Theory]
    [InlineData]
    [InlineData("ASYNC")]
    [InlineData("SYNC")]
    public async Task Flushall_empties_every_database_of_the_tenant_and_nothing_of_another(params string[] mode)
    {
        var keyA = ProxyFixture.Key("a");
        var keyB = ProxyFixture.Key("b");
        using var a0 = await RawInAsync(0);
        using var a5 = await RawInAsync(5);
        using var b0 = await RawInAsync(0, ProxyFixture.UserB);
        using var b5 = await RawInAsync(5, ProxyFixture.UserB);
        await a0.CallAsync("SET", keyA, "v");
        await a5.CallAsync("SET", keyA, "v");
        await b0.CallAsync("SET", keyB, "v");
        await b5.CallAsync("SET", keyB, "v");

        Assert.Equal("+OK\r\n", await a0.CallAsync(["FLUSHALL", .. mode]));
        Assert.Equal(":0\r\n", await a0.CallAsync("DBSIZE"));
        Assert.Equal(":0\r\n", await a5.CallAsync("DBSIZE"));
        Assert.Equal(":1\r\n", await b0.CallAsync("EXISTS", keyB));
        Assert.Equal(":1\r\n", await b5.CallAsync("EXISTS", keyB));

        await a0.CallAsync("SET", keyA, "v");
        Assert.Equal("+OK\r\n", await b5.CallAsync(["FLUSHALL", .. mode]));
        Assert.Equal(":0\r\n", await b0.CallAsync("DBSIZE"));
        Assert.Equal("$1\r\nv\r\n", await a0.CallAsync("GET", keyA));
    }

    [Fact]
    public async Task Swapdb_swaps_two_databases_of_the_tenant_with_their_collections_and_nothing_of_another()
    {
        var k = ProxyFixture.Key("swap");
        using var a6 = await RawInAsync(6);
        using var a7 = await RawInAsync(7);
        using var b6 = await RawInAsync(6, ProxyFixture.UserB);
        await a6.CallAsync("SET", k, "six");
        await a7.CallAsync("HSET", k, "f", "seven");
        await a7.CallAsync("EXPIRE", k, "1000");
        await b6.CallAsync("SET", k, "tenant B");

        Assert.Equal("+OK\r\n", await a6.CallAsync("SWAPDB", "6", "7"));
        Assert.Equal("$5\r\nseven\r\n", await a6.CallAsync("HGET", k, "f"));
        Assert.Equal(":1\r\n", await a6.CallAsync("HLEN", k));
        Assert.StartsWith(":", await a6.CallAsync("TTL", k));
        Assert.Equal("$3\r\nsix\r\n", await a7.CallAsync("GET", k));
        Assert.Equal("$8\r\ntenant B\r\n", await b6.CallAsync("GET", k));
        using var b7 = await RawInAsync(7, ProxyFixture.UserB);
        Assert.Equal(":0\r\n", await b7.CallAsync("EXISTS", k));
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_the_keys_through_any_listing_command()
    {
        fixture.ClearDb(TenantA, 3);
        fixture.ClearDb(TenantB, 3);
        using var a = await RawInAsync(3);
        using var b = await RawInAsync(3, ProxyFixture.UserB);
        foreach (var key in new[] { "shared", "\0bin", "a\r\n", "\xff" }) await a.CallAsync("SET", key, "v");
        fixture.InsertRow(TenantA, 3, Bytes("h"), 2);

        Assert.Equal(":0\r\n", await b.CallAsync("EXISTS", "shared", "\0bin", "a\r\n", "\xff", "h"));
        Assert.Equal("*0\r\n", await b.CallAsync("KEYS", "*"));
        Assert.Equal("*0\r\n", await b.CallAsync("KEYS", "sh*"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await b.CallAsync("SCAN", "0", "COUNT", "1000"));
        Assert.Equal("*2\r\n$1\r\n0\r\n*0\r\n", await b.CallAsync("SCAN", "0", "TYPE", "hash"));
        Assert.Equal(":0\r\n", await b.CallAsync("DBSIZE"));
        Assert.Equal("$-1\r\n", await b.CallAsync("RANDOMKEY"));

        await b.CallAsync("SET", "shared", "mine");
        Assert.Equal("*1\r\n$6\r\nshared\r\n", await b.CallAsync("KEYS", "*"));
        Assert.Equal("$6\r\nshared\r\n", await b.CallAsync("RANDOMKEY"));
        Assert.Equal(":1\r\n", await b.CallAsync("DBSIZE"));
        Assert.Equal(":5\r\n", await a.CallAsync("DBSIZE"));
        Assert.Equal("$1\r\nv\r\n", await a.CallAsync("GET", "shared"));
    }
}
