using System.Text;
using StackExchange.Redis;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>
/// The rank blocks of large sorted sets: ZRANK, ZREVRANK and ZCOUNT answered from them agree with a model after every
/// kind of write, and the blocks stay in step with the members (checked from the tables) as they split, empty, are
/// counted again after range removals, and are built and dropped as the set crosses the thresholds.
/// </summary>
[Collection(SortedSetsCollection.Name)]
public class RankBlockTests(SortedSetsFixture fixture)
{
    private static readonly string LongPrefix = new('L', 300);

    [Fact]
    public async Task Ranks_and_counts_follow_a_model_through_every_kind_of_write()
    {
        var random = new Random(11);
        var k = ProxyFixture.Key("blocks");
        var model = new Dictionary<string, double>();
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        using var raw = await fixture.RawAsync();

        // 6,000 members: short ones, long ones sharing 300 bytes (ordered by the proxy), scores with many ties and ±inf.
        string NewMember(int i) => i % 10 == 0 ? LongPrefix + i : $"m{i:D6}";
        double NewScore() => random.Next(100) switch { 0 => double.NegativeInfinity, 1 => double.PositiveInfinity, _ => random.Next(0, 500) };
        for (int start = 0; start < 6000; start += 1000)
        {
            var batch = Enumerable.Range(start, 1000).Select(i => new SortedSetEntry(NewMember(i), NewScore())).ToArray();
            await db.SortedSetAddAsync(k, batch);
            foreach (var e in batch) model[e.Element!] = e.Score;
        }
        long id = (await fixture.KeyIdAsync(k))!.Value;
        Assert.True(await fixture.AssertBlocksInStepAsync(id) >= 5);
        await AssertMatchesModelAsync(db, k, model, random);

        int next = 6000;
        for (int round = 0; round < 12; round++)
        {
            // Adds (some into one score, so a block grows past the split size), new scores, removals.
            var added = Enumerable.Range(next, 1500).Select(i => new SortedSetEntry(NewMember(i), round % 3 == 0 ? 250 : NewScore())).ToArray();
            next += added.Length;
            await db.SortedSetAddAsync(k, added);
            foreach (var e in added) model[e.Element!] = e.Score;
            foreach (var member in model.Keys.OrderBy(_ => random.Next()).Take(200).ToList())
            {
                double score = NewScore();
                await db.SortedSetAddAsync(k, member, score);
                model[member] = score;
            }
            var incremented = model.Keys.ElementAt(random.Next(model.Count));
            model[incremented] = (double)(await db.SortedSetIncrementAsync(k, incremented, 7));
            foreach (var member in model.Keys.OrderBy(_ => random.Next()).Take(300).ToList())
            {
                Assert.True(await db.SortedSetRemoveAsync(k, member));
                model.Remove(member);
            }
            foreach (var e in await db.SortedSetPopAsync(k, 40, Order.Ascending)) model.Remove(e.Element!);
            foreach (var e in await db.SortedSetPopAsync(k, 40, Order.Descending)) model.Remove(e.Element!);
            // Range removals: a score range, a rank range from the middle, and a lex range (mixed scores: every member
            // is filtered, so the removed ones are not contiguous in the index).
            double low = random.Next(0, 480);
            long byScore = await db.SortedSetRemoveRangeByScoreAsync(k, low, low + 3);
            Assert.Equal(model.Count(e => e.Value >= low && e.Value <= low + 3), byScore);
            foreach (var member in model.Where(e => e.Value >= low && e.Value <= low + 3).Select(e => e.Key).ToList()) model.Remove(member);
            var ordered = Ordered(model);
            int from = random.Next(0, ordered.Count - 100);
            Assert.Equal(Int(51), await raw.CommandAsync("ZREMRANGEBYRANK", k, from.ToString(), (from + 50).ToString()));
            foreach (var (member, _) in ordered.Skip(from).Take(51)) model.Remove(member);
            long byLex = await db.SortedSetRemoveRangeByValueAsync(k, $"m{round * 300:D6}", $"m{round * 300 + 40:D6}");
            var lexRemoved = model.Keys.Where(m => string.CompareOrdinal(m, $"m{round * 300:D6}") >= 0 && string.CompareOrdinal(m, $"m{round * 300 + 40:D6}") <= 0).ToList();
            Assert.Equal(lexRemoved.Count, byLex);
            foreach (var member in lexRemoved) model.Remove(member);

            await fixture.AssertBlocksInStepAsync(id);
            await AssertMatchesModelAsync(db, k, model, random);
        }
    }

    [Fact]
    public async Task Blocks_come_at_the_threshold_and_go_below_the_lower_one()
    {
        var k = ProxyFixture.Key("threshold");
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        await db.SortedSetAddAsync(k, Enumerable.Range(0, (int)RankBlocks.Threshold - 1).Select(i => new SortedSetEntry($"m{i:D5}", i)).ToArray());
        long id = (await fixture.KeyIdAsync(k))!.Value;
        Assert.Empty(await fixture.BlocksAsync(id));
        await db.SortedSetAddAsync(k, "last", 1e9);
        Assert.Equal(4, await fixture.AssertBlocksInStepAsync(id));
        Assert.Equal(RankBlocks.Threshold - 2, await db.SortedSetRankAsync(k, $"m{RankBlocks.Threshold - 2:D5}"));
        // Between the two thresholds the blocks stay and are kept in step.
        await db.SortedSetRemoveRangeByRankAsync(k, 0, 999);
        await fixture.AssertBlocksInStepAsync(id);
        Assert.Equal(2000, await db.SortedSetRankAsync(k, "m03000"));
        await db.SortedSetRemoveRangeByRankAsync(k, 0, 1500);
        Assert.Empty(await fixture.BlocksAsync(id));
        Assert.Equal(0, await db.SortedSetRankAsync(k, "m02501"));
        // Below the threshold again: no blocks until it is reached.
        await db.SortedSetAddAsync(k, Enumerable.Range(0, 1000).Select(i => new SortedSetEntry($"n{i:D5}", -i)).ToArray());
        Assert.Empty(await fixture.BlocksAsync(id));
        await db.SortedSetAddAsync(k, Enumerable.Range(1000, 2000).Select(i => new SortedSetEntry($"n{i:D5}", -i)).ToArray());
        await fixture.AssertBlocksInStepAsync(id);
        Assert.Equal(0, await db.SortedSetRankAsync(k, "n02999"));
    }

    [Fact]
    public async Task Members_added_one_by_one_split_their_block_and_pops_empty_blocks()
    {
        var k = ProxyFixture.Key("one-by-one");
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        await db.SortedSetAddAsync(k, Enumerable.Range(0, 5000).Select(i => new SortedSetEntry($"m{i:D5}", i)).ToArray());
        long id = (await fixture.KeyIdAsync(k))!.Value;
        Assert.Equal(5, await fixture.AssertBlocksInStepAsync(id));
        // 1,100 single ZADDs into the third block take it past the split size, one statement per move.
        await Task.WhenAll(Enumerable.Range(0, 1100).Select(i => db.SortedSetAddAsync(k, $"x{i:D5}", 2500.5)));
        Assert.Equal(6, await fixture.AssertBlocksInStepAsync(id));
        Assert.Equal(2501 + 1100, await db.SortedSetRankAsync(k, "m02501"));
        // Pops from the low end, one by one and a hundred at a time, empty the first block (which stays, starting below
        // every member) and the second (which is dropped).
        for (int i = 0; i < 1000; i++) await db.SortedSetPopAsync(k);
        for (int i = 0; i < 11; i++) await db.SortedSetPopAsync(k, 100);
        Assert.Equal(5, await fixture.AssertBlocksInStepAsync(id));
        Assert.Equal(2501 + 1100 - 2100, await db.SortedSetRankAsync(k, "m02501"));
    }

    [Fact]
    public async Task Copy_rename_and_store_carry_blocks_that_answer_ranks()
    {
        using var raw = await fixture.RawAsync();
        await using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        string k = ProxyFixture.Key("source"), copy = ProxyFixture.Key("copy"), renamed = ProxyFixture.Key("renamed"),
            stored = ProxyFixture.Key("stored"), other = ProxyFixture.Key("other");
        await db.SortedSetAddAsync(k, Enumerable.Range(0, 5000).Select(i => new SortedSetEntry($"m{i:D5}", i)).ToArray());
        await db.SortedSetAddAsync(other, Enumerable.Range(2500, 5000).Select(i => new SortedSetEntry($"m{i:D5}", i)).ToArray());
        Assert.Equal(Int(1), await raw.CommandAsync("COPY", k, copy));
        Assert.Equal(Ok, await raw.CommandAsync("RENAME", k, renamed));
        Assert.Equal(Int(7500), await raw.CommandAsync("ZUNIONSTORE", stored, "2", renamed, other));
        foreach (var key in new[] { copy, renamed, stored })
            await fixture.AssertBlocksInStepAsync((await fixture.KeyIdAsync(key))!.Value);
        Assert.Equal(Int(2500), await raw.CommandAsync("ZRANK", copy, "m02500"));
        // Far from both ends the answer comes from the blocks: a count changed behind the proxy's back shows in it.
        await fixture.ScalarAsync("UPDATE zset_blocks SET size = size + 1000 WHERE key_id = @v AND start_inf = -2", (await fixture.KeyIdAsync(copy))!.Value);
        Assert.Equal(Int(3500), await raw.CommandAsync("ZRANK", copy, "m02500"));
        Assert.Equal(Int(10), await raw.CommandAsync("ZRANK", copy, "m00010"));
        Assert.Equal(Int(2499), await raw.CommandAsync("ZREVRANK", renamed, "m02500"));
        var union = new Dictionary<string, double>();
        foreach (int i in Enumerable.Range(0, 5000).Concat(Enumerable.Range(2500, 5000)))
            union[$"m{i:D5}"] = union.GetValueOrDefault($"m{i:D5}") + i;
        Assert.Equal(Int(Ordered(union).FindIndex(e => e.Member == "m02501")), await raw.CommandAsync("ZRANK", stored, "m02501"));
        Assert.Equal(Int(union.Values.Count(s => s > 2000 && s <= 6001)), await raw.CommandAsync("ZCOUNT", stored, "(2000", "6001"));
    }

    private static async Task AssertMatchesModelAsync(IDatabase db, string k, Dictionary<string, double> model, Random random)
    {
        var ordered = Ordered(model);
        Assert.Equal(ordered.Count, await db.SortedSetLengthAsync(k));
        // Members across the whole order: near both ends (counted in the index) and far from them (from the blocks).
        foreach (int rank in new[] { 0, 5, 300, ordered.Count / 3, ordered.Count / 2, ordered.Count - 700, ordered.Count - 1 }
                     .Concat(Enumerable.Range(0, 12).Select(_ => random.Next(ordered.Count))))
        {
            Assert.Equal(rank, await db.SortedSetRankAsync(k, ordered[rank].Member));
            Assert.Equal(ordered.Count - 1 - rank, await db.SortedSetRankAsync(k, ordered[rank].Member, Order.Descending));
        }
        Assert.Null(await db.SortedSetRankAsync(k, "no such member"));
        foreach (var (min, max, exclude) in new (double, double, Exclude)[]
                 {
                     (double.NegativeInfinity, double.PositiveInfinity, Exclude.None), (double.NegativeInfinity, double.NegativeInfinity, Exclude.None),
                     (double.PositiveInfinity, double.PositiveInfinity, Exclude.None), (100, 300, Exclude.None), (100, 300, Exclude.Both),
                     (250, 250, Exclude.None), (random.Next(500), random.Next(500, 600), Exclude.Start), (0, double.PositiveInfinity, Exclude.Stop),
                 })
        {
            long expected = model.Values.Count(s => (exclude.HasFlag(Exclude.Start) ? s > min : s >= min) && (exclude.HasFlag(Exclude.Stop) ? s < max : s <= max));
            Assert.Equal(expected, await db.SortedSetLengthAsync(k, min, max, exclude));
        }
    }

    /// <summary>The model in Redis's order: by score, then by the member's bytes.</summary>
    private static List<(string Member, double Score)> Ordered(Dictionary<string, double> model) =>
        model.Select(e => (e.Key, e.Value)).OrderBy(e => e.Value).ThenBy(e => Encoding.UTF8.GetBytes(e.Key), ByteOrder.Instance).ToList();

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
