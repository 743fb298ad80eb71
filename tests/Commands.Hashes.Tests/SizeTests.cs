using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Hashes.Tests;

/// <summary>HLEN reads the count kept in hash_sizes, which every kind of write keeps equal to the field rows.</summary>
[Collection(HashesCollection.Name)]
public class SizeTests(HashesFixture fixture)
{
    [Fact]
    public async Task The_size_row_follows_every_kind_of_write()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("size");
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2", "c", "3");
        var id = (await fixture.KeyIdAsync(k))!.Value;
        async Task AssertSizeAsync(long size)
        {
            Assert.Equal(Int(size), await raw.CommandAsync("HLEN", k));
            Assert.Equal(size, await fixture.StoredSizeAsync(id));
            Assert.Equal(size, await fixture.FieldRowsAsync(k));
        }
        await AssertSizeAsync(3);
        await raw.CommandAsync("HSET", k, "a", "9", "d", "4");
        await AssertSizeAsync(4);
        await raw.CommandAsync("HMSET", k, "d", "5", "e", "6");
        await AssertSizeAsync(5);
        await raw.CommandAsync("HSETNX", k, "e", "x");
        await raw.CommandAsync("HSETNX", k, "f", "x");
        await AssertSizeAsync(6);
        await raw.CommandAsync("HINCRBY", k, "g", "1");
        await raw.CommandAsync("HINCRBY", k, "g", "1");
        await raw.CommandAsync("HINCRBYFLOAT", k, "h", "1.5");
        await raw.CommandAsync("HINCRBYFLOAT", k, "h", "1.5");
        await AssertSizeAsync(8);
        await raw.CommandAsync("HDEL", k, "a", "b", "nope");
        await AssertSizeAsync(6);
        await raw.CommandAsync("HDEL", k, "c", "d", "e", "f", "g", "h");
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Int(0), await raw.CommandAsync("HLEN", k));
    }

    [Fact]
    public async Task Pipelined_hsets_of_many_clients_count_each_new_field_once()
    {
        var k = ProxyFixture.Key("merged");
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => db.HashSetAsync(k, $"f{i % 50}", i)));
        var id = (await fixture.KeyIdAsync(k))!.Value;
        Assert.Equal(50, await db.HashLengthAsync(k));
        Assert.Equal(50, await fixture.StoredSizeAsync(id));
    }

    [Fact]
    public async Task Hlen_answers_from_the_size_row_and_copy_duplicates_it()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("h"), copy = ProxyFixture.Key("c");
        await raw.CommandAsync("HSET", k, "a", "1", "b", "2");
        Assert.Equal(Int(1), await raw.CommandAsync("COPY", k, copy));
        await raw.CommandAsync("HSET", copy, "c", "3");
        Assert.Equal(Int(2), await raw.CommandAsync("HLEN", k));
        Assert.Equal(Int(3), await raw.CommandAsync("HLEN", copy));
        Assert.Equal(3, await fixture.StoredSizeAsync((await fixture.KeyIdAsync(copy))!.Value));
        // HLEN does not count the fields: a size row changed behind the proxy's back is what it answers.
        await fixture.ScalarAsync("UPDATE hash_sizes SET size = 1000 WHERE key_id = @v", (await fixture.KeyIdAsync(k))!.Value);
        Assert.Equal(Int(1000), await raw.CommandAsync("HLEN", k));
    }
}
