using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>SCARD reads the count kept in set_sizes, which every kind of write keeps equal to the member rows.</summary>
[Collection(SetsCollection.Name)]
public class SizeTests(SetsFixture fixture)
{
    [Fact]
    public async Task The_size_row_follows_every_kind_of_write()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("size"), other = ProxyFixture.Key("other"), stored = ProxyFixture.Key("stored");
        await raw.CommandAsync("SADD", k, "a", "b", "c", "d", "e", "f");
        async Task AssertSizeAsync(string key, long size)
        {
            Assert.Equal(Int(size), await raw.CommandAsync("SCARD", key));
            Assert.Equal(size, await fixture.StoredSizeAsync((await fixture.KeyIdAsync(key))!.Value));
            Assert.Equal(size, await fixture.MemberRowsAsync(key));
        }
        await AssertSizeAsync(k, 6);
        await raw.CommandAsync("SADD", k, "a", "g");
        await AssertSizeAsync(k, 7);
        await raw.CommandAsync("SREM", k, "a", "nope");
        await AssertSizeAsync(k, 6);
        await raw.CommandAsync("SMOVE", k, other, "b");
        await raw.CommandAsync("SADD", other, "x");
        await raw.CommandAsync("SMOVE", other, k, "x");
        await AssertSizeAsync(k, 6);
        await AssertSizeAsync(other, 1);
        await raw.CommandAsync("SPOP", k, "2");
        await AssertSizeAsync(k, 4);
        await raw.CommandAsync("SPOP", k);
        await AssertSizeAsync(k, 3);
        Assert.Equal(Int(4), await raw.CommandAsync("SUNIONSTORE", stored, k, other));
        await AssertSizeAsync(stored, 4);
        Assert.Equal(Int(3), await raw.CommandAsync("SINTERSTORE", stored, k, stored));
        await AssertSizeAsync(stored, 3);
        await raw.CommandAsync("SMOVE", other, k, "b");
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", other));
        await raw.CommandAsync("SPOP", k, "10");
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Int(0), await raw.CommandAsync("SCARD", k));
    }

    [Fact]
    public async Task Scard_answers_from_the_size_row_and_copy_duplicates_it()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("s"), copy = ProxyFixture.Key("c");
        await raw.CommandAsync("SADD", k, "a", "b");
        Assert.Equal(Int(1), await raw.CommandAsync("COPY", k, copy));
        await raw.CommandAsync("SADD", copy, "c");
        Assert.Equal(Int(2), await raw.CommandAsync("SCARD", k));
        Assert.Equal(Int(3), await raw.CommandAsync("SCARD", copy));
        Assert.Equal(3, await fixture.StoredSizeAsync((await fixture.KeyIdAsync(copy))!.Value));
        // SCARD does not count the members: a size row changed behind the proxy's back is what it answers.
        await fixture.ScalarAsync("UPDATE set_sizes SET size = 1000 WHERE key_id = @v", (await fixture.KeyIdAsync(k))!.Value);
        Assert.Equal(Int(1000), await raw.CommandAsync("SCARD", k));
    }
}
