using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// Counts kept over a large sorted set's order (zset_blocks), so ZRANK and ZCOUNT cost what reading about a thousand
/// small rows and counting about a thousand index entries costs, not a count of every member below a position. Redis
/// keeps such counts in its skip list's spans; an index has none. A block holds the members from its start position up
/// to the next block's start; blocks are cut at <see cref="BuildSize"/> members, split in two past <see cref="MaxSize"/>
/// and dropped when emptied, all in the transaction that changes the members (<see cref="RankBlockChanges"/>).
/// Sorted sets of <see cref="Threshold"/> members or more have blocks; they keep them until they shrink below
/// <see cref="DropBelow"/>, so a set whose size hovers around the threshold does not rebuild them again and again.
/// </summary>
public static class RankBlocks
{
    public const long Threshold = 4096;
    public const long DropBelow = 2048;
    public const int BuildSize = 1024;
    public const long MaxSize = 2048;

    internal static readonly byte[] ZeroHash = new byte[32];

    /// <summary>Whether a sorted set of <paramref name="size"/> members surely has blocks.</summary>
    public static bool Cover(long size) => size >= Threshold;

    /// <summary>
    /// How many members come before <paramref name="entry"/> in Redis's order; null when the key has no blocks (it
    /// shrank meanwhile), for the caller to count the index instead.
    /// </summary>
    public static Task<long?> RankAsync(ISqlRunner sql, long keyId, ZEntry entry) =>
        CountBelowAsync(sql, keyId, ScoreColumns.Inf(entry.Score), ScoreColumns.Finite(entry.Score), entry.Member.Prefix, entry.Member.Value);

    /// <summary>How many members the score range holds; null when the key has no blocks.</summary>
    public static async Task<long?> CountAsync(ISqlRunner sql, long keyId, ScoreRange range)
    {
        double low = range.LowestInside, high = range.HighestInside;
        // Members below high's successor (below +inf's are all of them: score_inf < 2), less those below low.
        var (highInf, highScore) = double.IsPositiveInfinity(high)
            ? ((sbyte)2, 0.0)
            : (ScoreColumns.Inf(Math.BitIncrement(high)), ScoreColumns.Finite(Math.BitIncrement(high)));
        var upTo = await CountBelowAsync(sql, keyId, highInf, highScore, [], []).ConfigureAwait(false);
        var below = await CountBelowAsync(sql, keyId, ScoreColumns.Inf(low), ScoreColumns.Finite(low), [], []).ConfigureAwait(false);
        return upTo is null || below is null ? null : Math.Max(0, upTo.Value - below.Value);
    }

    /// <summary>
    /// Members whose (score, prefix) is below (<paramref name="inf"/>, <paramref name="score"/>,
    /// <paramref name="prefix"/>), plus those at exactly that pair whose bytes sort below <paramref name="member"/>: the
    /// sizes of the blocks before the one holding that place, and an index count inside that one block.
    /// </summary>
    private static async Task<long?> CountBelowAsync(ISqlRunner sql, long keyId, sbyte inf, double score, byte[] prefix, byte[] member)
    {
        var block = await sql.QueryFirstAsync(RankBlockStatements.BlockBelow,
            r => (Start: ZPosition.Read(r, 0), Before: Convert.ToInt64(r.GetValue(4))), keyId, inf, score, prefix, ZeroHash).ConfigureAwait(false);
        if (block.Start.Hash is null) return null;
        var (inBlock, inGroup) = await sql.QueryFirstAsync(RankBlockStatements.CountFromBlock,
            r => (Convert.ToInt64(r.GetValue(0)), Convert.ToInt64(r.GetValue(1))),
            [keyId, inf, score, prefix, member, .. block.Start.Values]).ConfigureAwait(false);
        return block.Before + inBlock + inGroup;
    }
}
