using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>A 100,000-field hash is normal use: it loads with pipelined HSETs, scans completely, and DEL / RENAME drop it.</summary>
[Collection(HashesCollection.Name)]
public class BigHashTests(HashesFixture fixture)
{
    private const int FieldCount = 100_000;
    private const int PairsPerCommand = 500;

    [Fact]
    public async Task A_hundred_thousand_fields_load_scan_exactly_once_and_delete()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("big");
        await LoadAsync(db, k);
        Assert.Equal(FieldCount, await db.HashLengthAsync(k));

        var seen = new HashSet<string>();
        await foreach (var entry in db.HashScanAsync(k, pageSize: 1000))
        {
            Assert.True(seen.Add(entry.Name!), $"{entry.Name} returned twice");
            Assert.Equal("v" + ((string)entry.Name!)[1..], (string?)entry.Value);
        }
        Assert.Equal(FieldCount, seen.Count);

        using var raw = await fixture.RawAsync();
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Int(0), await raw.CommandAsync("HLEN", k));
    }

    [Fact]
    public async Task A_hundred_thousand_field_hash_renames_whole()
    {
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var src = ProxyFixture.Key("bigsrc");
        var dst = ProxyFixture.Key("bigdst");
        await LoadAsync(db, src);

        using var raw = await fixture.RawAsync();
        Assert.Equal(Ok, await raw.CommandAsync("RENAME", src, dst));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", src));
        Assert.Equal(Int(1), await raw.CommandAsync("EXISTS", dst));
        Assert.Equal(Int(FieldCount), await raw.CommandAsync("HLEN", dst));
        Assert.Equal(Bulk("v99999"), await raw.CommandAsync("HGET", dst, "f99999"));
    }

    /// <summary>Pipelines HSETs of <see cref="PairsPerCommand"/> distinct pairs each, in one batch.</summary>
    private static async Task LoadAsync(IDatabase db, string key)
    {
        var batch = db.CreateBatch();
        var replies = Enumerable.Range(0, FieldCount / PairsPerCommand).Select(c => batch.HashSetAsync(key,
            Enumerable.Range(c * PairsPerCommand, PairsPerCommand).Select(i => new HashEntry($"f{i}", $"v{i}")).ToArray()))
            .ToList();
        batch.Execute();
        await Task.WhenAll(replies);
    }
}
