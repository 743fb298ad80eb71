using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;
using Xunit;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>SORT at sizes the differential cases do not reach, against redis-server 7.0, and what only the proxy has: tenants.</summary>
public sealed class SortTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static async Task<IDatabase> RedisAsync() =>
        (await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisServer.Shared.Port},allowAdmin=true")).GetDatabase();

    [Fact]
    public async Task A_long_list_sorts_by_weights_and_gets_hash_fields_as_redis_does()
    {
        await using var connection = await fixture.ConnectAsync();
        var proxy = connection.GetDatabase();
        var redis = await RedisAsync();
        string prefix = ProxyFixture.Key("sort");
        var random = new Random(7);
        var elements = Enumerable.Range(0, 3000).Select(i => (RedisValue)$"e{i}").ToArray();
        foreach (var db in new[] { proxy, redis })
        {
            await db.ListRightPushAsync($"{prefix}:list", elements);
            // Distinct weights, so the order does not depend on how ties among equal weights are broken.
            var weights = Enumerable.Range(0, 3000).OrderBy(_ => random.Next()).ToArray();
            random = new Random(7);
            await db.StringSetAsync(elements.Select((e, i) => new KeyValuePair<RedisKey, RedisValue>($"{prefix}:w:{e}", weights[i])).ToArray());
            foreach (var (e, i) in elements.Select((e, i) => (e, i)).Where(p => p.i % 3 == 0))
                await db.HashSetAsync($"{prefix}:h:{e}", "name", $"name {i}");
        }
        foreach (var order in new[] { Order.Ascending, Order.Descending })
        {
            var mine = await proxy.SortAsync($"{prefix}:list", 100, 500, order, SortType.Numeric, $"{prefix}:w:*", ["#", $"{prefix}:h:*->name"]);
            var theirs = await redis.SortAsync($"{prefix}:list", 100, 500, order, SortType.Numeric, $"{prefix}:w:*", ["#", $"{prefix}:h:*->name"]);
            Assert.Equal(1000, mine.Length);
            Assert.Equal(theirs.Select(v => (string?)v), mine.Select(v => (string?)v));
        }
        Assert.Equal(3000, await proxy.SortAndStoreAsync($"{prefix}:sorted", $"{prefix}:list", sortType: SortType.Alphabetic));
        Assert.Equal(await redis.SortAsync($"{prefix}:list", sortType: SortType.Alphabetic), await proxy.ListRangeAsync($"{prefix}:sorted"));
    }

    [Fact]
    public async Task Patterns_read_only_the_callers_tenant()
    {
        await using var alice = await fixture.ConnectAsync();
        await using var bob = await fixture.ConnectAsync(ProxyFixture.UserB);
        var a = alice.GetDatabase();
        var b = bob.GetDatabase();
        string prefix = ProxyFixture.Key("tenant");
        await a.ListRightPushAsync($"{prefix}:list", ["x", "y"]);
        await b.ListRightPushAsync($"{prefix}:list", ["x", "y"]);
        await a.StringSetAsync([new($"{prefix}:w:x", 2), new($"{prefix}:w:y", 1)]);
        await b.StringSetAsync([new($"{prefix}:w:x", 1), new($"{prefix}:w:y", 2), new($"{prefix}:g:x", "bob's")]);

        Assert.Equal(["y", "x"], (await a.SortAsync($"{prefix}:list", by: $"{prefix}:w:*")).Select(v => (string?)v));
        Assert.Equal(["x", "y"], (await b.SortAsync($"{prefix}:list", by: $"{prefix}:w:*")).Select(v => (string?)v));
        Assert.Equal([null, null], (await a.SortAsync($"{prefix}:list", sortType: SortType.Alphabetic, get: [$"{prefix}:g:*"])).Select(v => (string?)v));
        await a.SortAndStoreAsync($"{prefix}:dst", $"{prefix}:list", sortType: SortType.Alphabetic);
        Assert.False(await b.KeyExistsAsync($"{prefix}:dst"));
    }

    [Fact]
    public async Task Store_wakes_a_client_blocked_on_the_destination_and_writes_nothing_on_an_error()
    {
        await using var connection = await fixture.ConnectAsync();
        var db = connection.GetDatabase();
        string prefix = ProxyFixture.Key("store");
        using var blocked = await fixture.RawAsync();
        blocked.Send(RawRespClient.Command("BLPOP", $"{prefix}:dst", "10"));
        await Task.Delay(200);
        await db.ListRightPushAsync($"{prefix}:list", ["3", "1", "2"]);
        Assert.Equal(3, await db.SortAndStoreAsync($"{prefix}:dst", $"{prefix}:list"));
        Assert.Contains("1", await blocked.ReadReplyAsync());
        Assert.Equal(["2", "3"], (await db.ListRangeAsync($"{prefix}:dst")).Select(v => (string?)v));

        await db.ListRightPushAsync($"{prefix}:list", "not a number");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => db.SortAndStoreAsync($"{prefix}:dst", $"{prefix}:list"));
        Assert.Equal("ERR One or more scores can't be converted into double", error.Message);
        Assert.Equal(["2", "3"], (await db.ListRangeAsync($"{prefix}:dst")).Select(v => (string?)v));
    }
}
