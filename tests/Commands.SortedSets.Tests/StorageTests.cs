using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>
/// The kernel's sorted-set storage seen from the tables: the size row ZCARD reads follows every write, and DEL, RENAME,
/// COPY and expiry touch only keyspace rows while the collector reclaims members later.
/// </summary>
[Collection(SortedSetsCollection.Name)]
public class StorageTests(SortedSetsFixture fixture)
{
    [Fact]
    public async Task The_size_row_follows_every_kind_of_write()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("size");
        await raw.CommandAsync("ZADD", k, "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "6", "f");
        var id = (await fixture.KeyIdAsync(k))!.Value;
        async Task AssertSizeAsync(long size)
        {
            Assert.Equal(Int(size), await raw.CommandAsync("ZCARD", k));
            Assert.Equal(size, await fixture.StoredSizeAsync(id));
            Assert.Equal(size, await fixture.MemberRowsAsync(id));
        }
        await AssertSizeAsync(6);
        await raw.CommandAsync("ZADD", k, "9", "a", "7", "g");
        await AssertSizeAsync(7);
        await raw.CommandAsync("ZINCRBY", k, "1", "h");
        await AssertSizeAsync(8);
        await raw.CommandAsync("ZREM", k, "h", "nope");
        await AssertSizeAsync(7);
        await raw.CommandAsync("ZREMRANGEBYSCORE", k, "2", "3");
        await AssertSizeAsync(5);
        await raw.CommandAsync("ZREMRANGEBYLEX", k, "[e", "[e");
        await AssertSizeAsync(4);
        await raw.CommandAsync("ZREMRANGEBYRANK", k, "0", "0");
        await AssertSizeAsync(3);
        await raw.CommandAsync("ZPOPMAX", k, "2");
        await AssertSizeAsync(1);
        await raw.CommandAsync("ZPOPMIN", k);
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Del_touches_one_row_and_the_collector_reclaims_members_and_size()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("collected");
        await raw.CommandAsync(["ZADD", k, .. Enumerable.Range(0, 500).SelectMany(i => new[] { i.ToString(), $"m{i}" })]);
        var id = (await fixture.KeyIdAsync(k))!.Value;
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
        Assert.Equal(Int(0), await raw.CommandAsync("ZCARD", k));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await fixture.MemberRowsAsync(id) > 0 || await fixture.StoredSizeAsync(id) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the collector never reclaimed the sorted set's rows");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Rename_keeps_the_members_and_copy_duplicates_them_with_the_size()
    {
        using var raw = await fixture.RawAsync();
        string k = ProxyFixture.Key("r"), renamed = ProxyFixture.Key("r2"), copy = ProxyFixture.Key("c");
        await raw.CommandAsync("ZADD", k, "1", "a", "inf", "b");
        Assert.Equal(Ok, await raw.CommandAsync("RENAME", k, renamed));
        Assert.Equal(Int(1), await raw.CommandAsync("COPY", renamed, copy));
        await raw.CommandAsync("ZADD", copy, "3", "c");
        Assert.Equal(Array("a", "1", "b", "inf"), await raw.CommandAsync("ZRANGE", renamed, "0", "-1", "WITHSCORES"));
        Assert.Equal(Array("a", "1", "c", "3", "b", "inf"), await raw.CommandAsync("ZRANGE", copy, "0", "-1", "WITHSCORES"));
        Assert.Equal(Int(3), await raw.CommandAsync("ZCARD", copy));
        Assert.Equal(Int(2), await raw.CommandAsync("ZCARD", renamed));
        Assert.Equal("+zset\r\n", await raw.CommandAsync("TYPE", copy));
    }

    [Fact]
    public async Task Concurrent_and_pipelined_pops_take_every_member_once_from_the_right_end()
    {
        var k = ProxyFixture.Key("pops");
        const int members = 3000;
        await using (var loader = await fixture.ConnectAsync())
            await loader.GetDatabase().SortedSetAddAsync(k, Enumerable.Range(0, members).Select(i => new StackExchange.Redis.SortedSetEntry($"m{i:D5}", i)).ToArray());
        // 20 clients, each pipelining ZPOPMINs and ZPOPMAXs of 1 to 3 members, until the set is gone.
        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(async client =>
        {
            await using var redis = await fixture.ConnectAsync();
            var db = redis.GetDatabase();
            var mine = new List<(bool Max, StackExchange.Redis.SortedSetEntry[] Entries)>();
            while (true)
            {
                var batch = Enumerable.Range(0, 8).Select(j => (Max: (client + j) % 2 == 0, Task: db.SortedSetPopAsync(k, 1 + j % 3,
                    (client + j) % 2 == 0 ? StackExchange.Redis.Order.Descending : StackExchange.Redis.Order.Ascending))).ToList();
                foreach (var (max, task) in batch) mine.Add((max, await task));
                if (batch.All(b => b.Task.Result.Length == 0)) return mine;
            }
        }));
        var all = taken.SelectMany(c => c).SelectMany(p => p.Entries).Select(e => (string)e.Element!).ToList();
        Assert.Equal(members, all.Count);
        Assert.Equal(members, all.Distinct().Count());
        // Within one reply the members come from its end inward; across one client's replies each end only moves inward.
        foreach (var client in taken)
        {
            foreach (var (max, entries) in client)
            {
                var scores = entries.Select(e => e.Score).ToList();
                Assert.Equal(max ? scores.OrderByDescending(x => x) : scores.OrderBy(x => x), scores);
            }
            var mins = client.Where(p => !p.Max).SelectMany(p => p.Entries).Select(e => e.Score).ToList();
            var maxes = client.Where(p => p.Max).SelectMany(p => p.Entries).Select(e => e.Score).ToList();
            Assert.Equal(mins.OrderBy(x => x), mins);
            Assert.Equal(maxes.OrderByDescending(x => x), maxes);
        }
        using var raw = await fixture.RawAsync();
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Concurrent_increments_of_one_member_lose_nothing()
    {
        var k = ProxyFixture.Key("counter");
        const int clients = 20, each = 25;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var raw = await fixture.RawAsync();
            for (int i = 0; i < each; i++) Assert.StartsWith("$", await raw.CommandAsync("ZINCRBY", k, "1", "hits"));
        }));
        using var check = await fixture.RawAsync();
        Assert.Equal(Bulk((clients * each).ToString()), await check.CommandAsync("ZSCORE", k, "hits"));
        Assert.Equal(Int(1), await check.CommandAsync("ZCARD", k));
    }
}
