using System.Data.Common;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// Ordered reads of one sorted set by key id, in Redis's order (score, then member bytes). The index orders members by
/// score and their first <see cref="ZSetTables.PrefixBytes"/> bytes; members that tie on both (long members with a
/// common start) come by hash, so after each index read the proxy puts such a group in order by the full bytes, and a
/// group cut by the window's edge is read whole to find which of its members belong inside. Such groups are rare, so a
/// window costs one index range read, O(log n + m).
/// </summary>
public static class ZSetReader
{
    /// <summary>From this offset on a window skips its offset through the order index alone (<see cref="ZSetStatements.Window"/>).</summary>
    private const long DeepOffset = 1000;

    /// <summary>
    /// Up to <paramref name="count"/> members selected by <paramref name="query"/>, skipping the first
    /// <paramref name="offset"/>, from the lowest (or with <paramref name="reverse"/> the highest) on.
    /// </summary>
    public static async Task<List<ZEntry>> WindowAsync(ISqlRunner sql, long keyId, ZSetQuery query, bool reverse, long offset, long count)
    {
        if (count <= 0) return [];
        bool deep = offset >= DeepOffset && query.Kind is (ZSetQueryKind.All or ZSetQueryKind.Score);
        var rows = await sql.QueryListAsync(ZSetStatements.Window(query.Kind, reverse, deep), r => ZEntry.Read(r),
            [keyId, .. query.Values, offset, count]).ConfigureAwait(false);
        int direction = reverse ? -1 : 1;
        for (int start = 0; start < rows.Count;)
        {
            int end = start + 1;
            while (end < rows.Count && SameGroup(rows[start], rows[end])) end++;
            if (rows[start].Member.IsLong)
            {
                bool atEdge = start == 0 || end == rows.Count;
                var inOrder = atEdge
                    ? await WholeGroupSliceAsync(sql, keyId, query, reverse, rows, start, end).ConfigureAwait(false)
                    : rows.GetRange(start, end - start).OrderBy(e => e, Comparer(direction)).ToList();
                for (int i = 0; i < inOrder.Count; i++) rows[start + i] = inOrder[i];
            }
            start = end;
        }
        return rows;
    }

    /// <summary>
    /// How many members come before <paramref name="entry"/> in Redis's order (its rank), or with
    /// <paramref name="fromEnd"/> after it, in a sorted set of <paramref name="size"/> members. An index counts entries
    /// one by one, so both sides are counted up to a limit that grows 64-fold each round until one side ends below
    /// it: the cost follows the member's distance from the nearer end (at most half the set), not its rank. A set large
    /// enough to have <see cref="RankBlocks"/> answers from them once the first round shows the member far from both ends.
    /// </summary>
    public static async Task<long> RankAsync(ISqlRunner sql, long keyId, ZEntry entry, bool fromEnd, long size)
    {
        long half = size / 2 + 1;
        for (long cap = Math.Min(FirstRankCap, half); ; cap = Math.Min(cap * 64, half))
        {
            var (counted, capped) = await CountSideAsync(sql, keyId, entry, fromEnd, cap).ConfigureAwait(false);
            if (!capped) return counted;
            var (other, otherCapped) = await CountSideAsync(sql, keyId, entry, !fromEnd, cap).ConfigureAwait(false);
            if (!otherCapped) return size - 1 - other;
            if (RankBlocks.Cover(size) && await RankBlocks.RankAsync(sql, keyId, entry).ConfigureAwait(false) is { } rank)
                return fromEnd ? size - 1 - rank : rank;
            // Both sides past half: the size read with the member is outdated, so count one side whole.
            if (cap == half) return (await CountSideAsync(sql, keyId, entry, fromEnd, long.MaxValue).ConfigureAwait(false)).Count;
        }
    }

    /// <summary>The first round's limit of <see cref="RankAsync"/>: one statement counts this many entries in well under a millisecond.</summary>
    private const long FirstRankCap = 256;

    private static async Task<(long Count, bool Capped)> CountSideAsync(ISqlRunner sql, long keyId, ZEntry entry, bool after, long cap)
    {
        var (outside, inGroup) = await sql.QueryFirstAsync(after ? ZSetStatements.CountAfter : ZSetStatements.CountBefore,
            r => (Convert.ToInt64(r.GetValue(0)), Convert.ToInt64(r.GetValue(1))),
            keyId, ScoreColumns.Inf(entry.Score), ScoreColumns.Finite(entry.Score), entry.Member.Prefix, entry.Member.Value, cap)
            .ConfigureAwait(false);
        return (outside + inGroup, outside >= cap);
    }

    /// <summary>The score every member of the sorted set shares, null when they differ or there is none.</summary>
    public static Task<double?> CommonScoreAsync(ISqlRunner sql, long keyId) =>
        sql.QueryFirstAsync(ZSetStatements.SelectEnds, r => CommonScore(r, 0), keyId);

    /// <summary>
    /// The common score from the score columns of the first and the last member, four columns from
    /// <paramref name="ordinal"/> as <see cref="ZSetStatements.SelectEnds"/> reads them; null when they differ or are NULL.
    /// </summary>
    public static double? CommonScore(DbDataReader r, int ordinal)
    {
        if (r.IsDBNull(ordinal) || r.IsDBNull(ordinal + 2)) return null;
        double first = ScoreColumns.Read(r, ordinal), last = ScoreColumns.Read(r, ordinal + 2);
        return first == last ? first : null;
    }

    /// <summary>
    /// How many members have a score in <paramref name="range"/> (ZCOUNT), from the <see cref="RankBlocks"/> of a set of
    /// <paramref name="size"/> members that has them, otherwise by counting the range in the index.
    /// </summary>
    public static async Task<long> CountAsync(ISqlRunner sql, long keyId, ScoreRange range, long size) =>
        RankBlocks.Cover(size) && await RankBlocks.CountAsync(sql, keyId, range).ConfigureAwait(false) is { } counted
            ? counted
            : await CountAsync(sql, keyId, ZSetQuery.ByScore(range)).ConfigureAwait(false);

    /// <summary>
    /// The members whose score lies in any of <paramref name="ranges"/> (none empty), in Redis's order, read in one round
    /// trip that touches only those ranges of the index. Meant for a few ranges (Geo's cells around a point).
    /// </summary>
    public static async Task<List<ZEntry>> InScoreRangesAsync(ISqlRunner sql, long keyId, IReadOnlyList<ScoreRange> ranges)
    {
        if (ranges.Count == 0) return [];
        var values = InListShape.Padded(ranges).SelectMany(range => ZSetQuery.ByScore(range).Values);
        var entries = await sql.QueryListAsync(ZSetStatements.InScoreRanges(InListShape.For(ranges.Count)), r => ZEntry.Read(r),
            [keyId, .. values]).ConfigureAwait(false);
        entries.Sort(ZEntry.Compare);
        return entries;
    }

    /// <summary>The scores of those of <paramref name="members"/> that are members, by <see cref="ZMember.HashKey"/>.</summary>
    public static async Task<Dictionary<string, double>> ScoresAsync(ISqlRunner sql, long keyId, IReadOnlyList<ZMember> members)
    {
        var scores = new Dictionary<string, double>();
        foreach (var chunk in members.DistinctBy(m => m.HashKey).Chunk(InListShape.MaxPerStatement))
        {
            var found = await sql.QueryListAsync(ZSetStatements.SelectScores(InListShape.For(chunk.Length)),
                r => (Hash: Convert.ToHexString((byte[])r.GetValue(0)), Score: ScoreColumns.Read(r, 1)),
                [keyId, .. InListShape.Padded(chunk).Select(m => m.Hash)]).ConfigureAwait(false);
            foreach (var (hash, score) in found) scores[hash] = score;
        }
        return scores;
    }

    /// <summary>How many members <paramref name="query"/> selects.</summary>
    public static Task<long> CountAsync(ISqlRunner sql, long keyId, ZSetQuery query) =>
        sql.QueryFirstAsync(ZSetStatements.Count(query.Kind), r => Convert.ToInt64(r.GetValue(0)), [keyId, .. query.Values]);

    /// <summary>
    /// The true-order slice of a group that the window holds at <paramref name="start"/>..<paramref name="end"/>: the
    /// whole group is read in the index's order, the window's share of it located there (how many of its selected
    /// members come before), and that many members taken from the same place of the group in Redis's order.
    /// </summary>
    private static async Task<List<ZEntry>> WholeGroupSliceAsync(ISqlRunner sql, long keyId, ZSetQuery query, bool reverse,
        List<ZEntry> rows, int start, int end)
    {
        var first = rows[start];
        var group = (await sql.QueryListAsync(reverse ? ZSetStatements.GroupReversed : ZSetStatements.Group, r => ZEntry.Read(r),
                keyId, ScoreColumns.Inf(first.Score), ScoreColumns.Finite(first.Score), first.Member.Prefix).ConfigureAwait(false))
            .Where(query.Selects).ToList();
        int before = group.FindIndex(e => e.Member.HashKey == first.Member.HashKey);
        return group.OrderBy(e => e, Comparer(reverse ? -1 : 1)).Skip(before).Take(end - start).ToList();
    }

    private static bool SameGroup(ZEntry a, ZEntry b) =>
        a.Score == b.Score && a.Member.Prefix.AsSpan().SequenceEqual(b.Member.Prefix);

    private static IComparer<ZEntry> Comparer(int direction) =>
        Comparer<ZEntry>.Create((a, b) => direction * ZEntry.Compare(a, b));
}
