using System.Text;
using StackExchange.Redis;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>
/// Redis's order, (score, member bytes), checked against a model: members that share the index's 255-byte prefix and a
/// score are ordered by the proxy, also when a window's edge cuts through them; and a sorted set large enough that
/// every write and read is split into several statements.
/// </summary>
[Collection(SortedSetsCollection.Name)]
public class OrderTests(SortedSetsFixture fixture)
{
    [Fact]
    public async Task Long_members_with_a_common_prefix_come_in_byte_order_in_every_window()
    {
        var random = new Random(7);
        string prefix = new('p', 320);
        // Suffixes of several lengths, including none and bytes above 0x7f, over three scores.
        var model = Enumerable.Range(0, 60).Select(i =>
        {
            var suffix = new string(Enumerable.Range(0, random.Next(0, 4)).Select(_ => (char)random.Next('a', 'e')).ToArray());
            return (Member: prefix[..(295 + random.Next(0, 10))] + suffix + i % 7, Score: (double)random.Next(0, 3));
        }).DistinctBy(e => e.Member).ToList();
        model.Sort((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : Bytes(a.Member).AsSpan().SequenceCompareTo(Bytes(b.Member)));
        var members = model.Select(e => e.Member).ToList();

        using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("long");
        await db.SortedSetAddAsync(k, model.Select(e => new SortedSetEntry(e.Member, e.Score)).ToArray());

        Assert.Equal(members, Strings(await db.SortedSetRangeByRankAsync(k)));
        for (int start = 0; start < members.Count; start += 7)
        {
            int stop = Math.Min(members.Count - 1, start + random.Next(0, 12));
            Assert.Equal(members[start..(stop + 1)], Strings(await db.SortedSetRangeByRankAsync(k, start, stop)));
            var reversed = Enumerable.Reverse(members).ToList();
            Assert.Equal(reversed[start..(stop + 1)], Strings(await db.SortedSetRangeByRankAsync(k, start, stop, Order.Descending)));
            var withScore1 = model.Where(e => e.Score == 1).Select(e => e.Member).ToList();
            Assert.Equal(withScore1.Skip(start / 7).Take(3), Strings(await db.SortedSetRangeByScoreAsync(k, 1, 1, skip: start / 7, take: 3)));
        }
        for (int i = 0; i < members.Count; i += 5)
        {
            Assert.Equal(i, await db.SortedSetRankAsync(k, members[i]));
            Assert.Equal(members.Count - 1 - i, await db.SortedSetRankAsync(k, members[i], Order.Descending));
        }
        Assert.Equal(members[..4], (await db.SortedSetPopAsync(k, 4)).Select(e => (string)e.Element!).ToArray());
        Assert.Equal(members[^3..], (await db.SortedSetPopAsync(k, 3, Order.Descending)).Select(e => (string)e.Element!).Reverse().ToArray());
        Assert.Equal(5, await db.SortedSetRemoveRangeByRankAsync(k, 10, 14));
        Assert.Equal(members[4..14].Concat(members[19..^3]), Strings(await db.SortedSetRangeByRankAsync(k)));
    }

    [Fact]
    public async Task Lex_ranges_over_long_members_cut_groups_exactly()
    {
        string prefix = new('q', 260);
        var members = new[] { "", "a", "aa", "ab", "b", "ba", "\u00ff", "b\u0001" }.Select(s => prefix + s).ToList();
        members.Sort((a, b) => Bytes(a).AsSpan().SequenceCompareTo(Bytes(b)));
        using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("lex");
        await db.SortedSetAddAsync(k, members.Select(m => new SortedSetEntry(m, 0)).ToArray());
        Assert.Equal(members, Strings(await db.SortedSetRangeByValueAsync(k, order: Order.Ascending)));
        for (int low = 0; low < members.Count; low++)
        {
            for (int high = low; high < members.Count; high++)
            {
                Assert.Equal(members[low..(high + 1)], Strings(await db.SortedSetRangeByValueAsync(k, members[low], members[high])));
                Assert.Equal(members[(low + 1)..(high + 1)].Skip(1).Take(2),
                    Strings(await db.SortedSetRangeByValueAsync(k, members[low], members[high], Exclude.Start, Order.Ascending, 1, 2)));
            }
            Assert.Equal(members.Count - low, (long)await db.ExecuteAsync("ZLEXCOUNT", k, "[" + members[low], "+"));
        }
    }

    [Fact]
    public async Task A_big_sorted_set_is_written_and_read_in_chunks_and_keeps_its_size()
    {
        const int count = 3000;
        using var redis = await fixture.ConnectAsync();
        var db = redis.GetDatabase();
        var k = ProxyFixture.Key("big");
        var entries = Enumerable.Range(0, count).Select(i => new SortedSetEntry($"m{i:D5}", i % 100)).ToArray();
        Assert.Equal(count, await db.SortedSetAddAsync(k, entries));
        Assert.Equal(0, await db.SortedSetAddAsync(k, entries));
        Assert.Equal(count, await db.SortedSetLengthAsync(k));
        var ordered = entries.OrderBy(e => e.Score).ThenBy(e => (string)e.Element!, StringComparer.Ordinal).Select(e => (string)e.Element!).ToList();
        Assert.Equal(ordered, Strings(await db.SortedSetRangeByRankAsync(k)));
        Assert.Equal(ordered[^10..], Strings(await db.SortedSetRangeByRankAsync(k, -10, -1)));
        // Offsets of a thousand and more skip through the order index alone before reading rows.
        Assert.Equal(ordered[1500..1510], Strings(await db.SortedSetRangeByRankAsync(k, 1500, 1509)));
        Assert.Equal(ordered[1200..1205], Strings(await db.SortedSetRangeByScoreAsync(k, skip: 1200, take: 5)));
        Assert.Equal(Enumerable.Reverse(ordered).Skip(2000).Take(3), Strings(await db.SortedSetRangeByScoreAsync(k, order: Order.Descending, skip: 2000, take: 3)));
        Assert.Equal(30, await db.SortedSetLengthAsync(k, 5, 5));
        // Ranks near either end and in the middle: the count grows in rounds from the nearer end.
        foreach (int rank in new[] { 0, 255, 256, 300, 1499, 1500, 2700, 2999 })
        {
            Assert.Equal(rank, await db.SortedSetRankAsync(k, ordered[rank]));
            Assert.Equal(count - 1 - rank, await db.SortedSetRankAsync(k, ordered[rank], Order.Descending));
        }
        Assert.Equal(count, (await db.SortedSetScoresAsync(k, ordered.Select(m => (RedisValue)m).ToArray())).Count(s => s is not null));
        Assert.Equal(1500, await db.SortedSetRemoveAsync(k, ordered.Where((_, i) => i % 2 == 0).Select(m => (RedisValue)m).ToArray()));
        Assert.Equal(1500, await db.SortedSetLengthAsync(k));
        var id = await fixture.KeyIdAsync(k);
        Assert.Equal(1500, await fixture.StoredSizeAsync(id!.Value));
        Assert.Equal(1500, await fixture.MemberRowsAsync(id.Value));
    }

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    private static List<string> Strings(RedisValue[] values) => values.Select(v => (string)v!).ToList();
}
