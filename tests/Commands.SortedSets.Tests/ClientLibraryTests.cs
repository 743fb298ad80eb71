using StackExchange.Redis;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>The sorted set API of StackExchange.Redis, a client that must not notice it is not talking to Redis.</summary>
[Collection(SortedSetsCollection.Name)]
public class ClientLibraryTests(SortedSetsFixture fixture)
{
    [Fact]
    public async Task A_leaderboard_with_stackexchange_redis()
    {
        using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = TestInfrastructure.ProxyFixture.Key("board");
        Assert.True(await db.SortedSetAddAsync(k, "alice", 10));
        Assert.Equal(2, await db.SortedSetAddAsync(k, [new("bob", 25), new("carol", 17.5)]));
        Assert.Equal(12.5, await db.SortedSetIncrementAsync(k, "alice", 2.5));
        Assert.Equal(["bob", "carol", "alice"], (await db.SortedSetRangeByRankAsync(k, 0, 2, Order.Descending)).Select(v => (string)v!));
        Assert.Equal(1, await db.SortedSetRankAsync(k, "carol"));
        Assert.Equal(17.5, await db.SortedSetScoreAsync(k, "carol"));
        Assert.Null(await db.SortedSetScoreAsync(k, "dave"));
        Assert.Equal(2, await db.SortedSetLengthAsync(k, 12, 20));
        var top = await db.SortedSetRangeByScoreWithScoresAsync(k, 15, double.PositiveInfinity, order: Order.Descending, take: 1);
        Assert.Equal(("bob", 25.0), ((string)top[0].Element!, top[0].Score));
        Assert.Equal(new SortedSetEntry("alice", 12.5), await db.SortedSetPopAsync(k));
        Assert.Equal(2, await db.SortedSetLengthAsync(k));
    }

    [Fact]
    public async Task Union_and_intersection_store_with_weights()
    {
        using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string a = TestInfrastructure.ProxyFixture.Key("a"), b = TestInfrastructure.ProxyFixture.Key("b"), d = TestInfrastructure.ProxyFixture.Key("d");
        await db.SortedSetAddAsync(a, [new("x", 1), new("y", 2)]);
        await db.SortedSetAddAsync(b, [new("y", 10), new("z", 20)]);
        Assert.Equal(3, await db.SortedSetCombineAndStoreAsync(SetOperation.Union, d, [a, b], [2, 1]));
        Assert.Equal([new("x", 2), new("y", 14), new("z", 20)], await db.SortedSetRangeByRankWithScoresAsync(d));
        Assert.Equal(1, await db.SortedSetCombineAndStoreAsync(SetOperation.Intersect, d, [a, b], aggregate: StackExchange.Redis.Aggregate.Max));
        Assert.Equal([new("y", 10)], await db.SortedSetRangeByRankWithScoresAsync(d));
    }
}
