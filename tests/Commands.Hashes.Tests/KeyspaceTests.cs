using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>The kernel's keyspace commands on hashes: they move or drop the keyspace row, the fields follow its id.</summary>
[Collection(HashesCollection.Name)]
public class KeyspaceTests(HashesFixture fixture)
{
    [Fact]
    public async Task Type_and_exists_report_a_hash()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        await raw.CommandAsync("HSET", k, "f", "v");
        Assert.Equal("+hash\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(Int(1), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Scan_type_hash_finds_hashes_only()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var hash = ProxyFixture.Key("scanhash");
        var text = ProxyFixture.Key("scanstring");
        await db.HashSetAsync(hash, "f", "v");
        await db.StringSetAsync(text, "v");

        using var raw = await fixture.RawAsync();
        var found = new List<string>();
        string cursor = "0";
        do
        {
            var reply = await raw.CommandAsync("SCAN", cursor, "MATCH", "scan*", "COUNT", "1000", "TYPE", "hash");
            var lines = reply.Split("\r\n");
            cursor = lines[2];
            for (int i = 5; i < lines.Length; i += 2) found.Add(lines[i]);
        } while (cursor != "0");
        Assert.Contains(hash, found);
        Assert.DoesNotContain(text, found);
    }

    [Fact]
    public async Task Del_of_a_three_field_hash_removes_it()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("h");
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2", "c", "3");
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(EmptyArray, await raw.CommandAsync("HGETALL", k));
        Assert.Equal(Int(0), await raw.CommandAsync("HLEN", k));
        // A new hash of the same name starts empty: the old fields belong to the old id.
        Assert.Equal(Int(1), await raw.CommandAsync("HSET", k, "z", "9"));
        Assert.Equal(Array("z", "9"), await raw.CommandAsync("HGETALL", k));
    }

    [Fact]
    public async Task Rename_carries_the_fields()
    {
        using var raw = await fixture.RawAsync();
        var src = ProxyFixture.Key("src");
        var dst = ProxyFixture.Key("dst");
        await raw.CommandAsync("HSET", src, "a", "1", "b", "2");
        await raw.CommandAsync("HSET", dst, "old", "x");
        Assert.Equal(Ok, await raw.CommandAsync("RENAME", src, dst));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", src));
        Assert.Equal(Array("a", "1", "b", "2"), await raw.CommandAsync("HGETALL", dst));
        Assert.Equal(Int(1), await raw.CommandAsync("HSET", dst, "c", "3"));
        Assert.Equal(Int(3), await raw.CommandAsync("HLEN", dst));
    }

    [Fact]
    public async Task Move_carries_the_fields_to_another_db()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("move");
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2");
        Assert.Equal(Int(1), await raw.CommandAsync("MOVE", k, "3"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Ok, await raw.CommandAsync("SELECT", "3"));
        Assert.Equal(Array("a", "1", "b", "2"), await raw.CommandAsync("HGETALL", k));
        Assert.Equal("+hash\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(Int(2), await raw.CommandAsync("HDEL", k, "a", "b"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Copy_duplicates_the_fields_independently()
    {
        using var raw = await fixture.RawAsync();
        var src = ProxyFixture.Key("src");
        var dst = ProxyFixture.Key("dst");
        await raw.CommandAsync("HSET", src, "a", "1", "b", "2");
        Assert.Equal(Int(1), await raw.CommandAsync("COPY", src, dst));
        Assert.Equal(Array("a", "1", "b", "2"), await raw.CommandAsync("HGETALL", dst));
        Assert.Equal(Int(0), await raw.CommandAsync("HSET", dst, "a", "changed"));
        Assert.Equal(Int(1), await raw.CommandAsync("HDEL", dst, "b"));
        Assert.Equal(Array("a", "1", "b", "2"), await raw.CommandAsync("HGETALL", src));
        Assert.Equal(Array("a", "changed"), await raw.CommandAsync("HGETALL", dst));
    }
}
