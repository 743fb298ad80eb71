using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// ZRANGE and ZRANGESTORE, and the older ZREVRANGE, Z[REV]RANGEBYSCORE and Z[REV]RANGEBYLEX: every range is one index
/// range read (<see cref="ZSetReader"/>); a range by rank starts from whichever end of the set is nearer.
/// </summary>
public sealed partial class SortedSetCommands
{
    [RedisCommand("zrange", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Returns members in a sorted set within a range of indexes.")]
    public ValueTask ZRange(CommandContext ctx) => RangeAsync(ctx, null, null);

    [RedisCommand("zrevrange", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Returns members in a sorted set within a range of indexes in reverse order.")]
    public ValueTask ZRevRange(CommandContext ctx) => RangeAsync(ctx, RangeKind.Rank, true);

    [RedisCommand("zrangebyscore", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "1.0.5", Summary = "Returns members in a sorted set within a range of scores.")]
    public ValueTask ZRangeByScore(CommandContext ctx) => RangeAsync(ctx, RangeKind.Score, false);

    [RedisCommand("zrevrangebyscore", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "2.2.0", Summary = "Returns members in a sorted set within a range of scores in reverse order.")]
    public ValueTask ZRevRangeByScore(CommandContext ctx) => RangeAsync(ctx, RangeKind.Score, true);

    [RedisCommand("zrangebylex", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "2.8.9", Summary = "Returns members in a sorted set within a lexicographical range.")]
    public ValueTask ZRangeByLex(CommandContext ctx) => RangeAsync(ctx, RangeKind.Lex, false);

    [RedisCommand("zrevrangebylex", -4, CommandFlags.ReadOnly, 1, 1, 1, Group = "sorted_set", Since = "2.8.9", Summary = "Returns members in a sorted set within a lexicographical range in reverse order.")]
    public ValueTask ZRevRangeByLex(CommandContext ctx) => RangeAsync(ctx, RangeKind.Lex, true);

    /// <summary>
    /// One transaction: both keys locked in key order, the range read from the locked source, then the destination
    /// replaced whatever its type (<see cref="ZSetStore"/>).
    /// </summary>
    [RedisCommand("zrangestore", -5, CommandFlags.Write | CommandFlags.DenyOom, 1, 2, 1, Group = "sorted_set", Since = "6.2.0", Summary = "Stores a range of members from sorted set in a key.")]
    public async ValueTask ZRangeStore(CommandContext ctx)
    {
        var request = RangeRequest.Parse(ctx, 2, store: true, kind: null, reverse: null);
        byte[] destination = ctx.Arg(1), source = ctx.Arg(2);
        long stored = await ctx.Sql.TransactionAsync(async tx =>
        {
            var (zset, replacesLive) = await ZSetStore.LockAsync(tx, source, destination, ctx.NowMs);
            List<ZEntry> entries = [];
            if (zset.Key.Exists)
            {
                double? common = request.Kind == RangeKind.Lex ? await zset.CommonScoreAsync() : null;
                entries = await ReadRangeAsync(tx, zset.Key.Id, zset.Size, common, request);
            }
            return await ZSetStore.ReplaceAsync(tx, destination, ctx.NowMs, replacesLive, "zrangestore", target =>
            {
                foreach (var entry in entries) target.Put(entry.Member, entry.Score);
                return Task.CompletedTask;
            });
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(stored);
    }

    private static async ValueTask RangeAsync(CommandContext ctx, RangeKind? kind, bool? reverse)
    {
        var request = RangeRequest.Parse(ctx, 1, store: false, kind, reverse);
        List<ZEntry> entries = [];
        if (request.Kind == RangeKind.Lex)
        {
            if (await FindWithEndsAsync(ctx, ctx.Arg(1)) is { } found)
                entries = await ReadRangeAsync(ctx.Sql, found.Key.Id, found.Key.Size, found.CommonScore, request);
        }
        else if (await FindAsync(ctx, ctx.Arg(1)) is { } zset)
        {
            entries = await ReadRangeAsync(ctx.Sql, zset.Id, zset.Size, null, request);
        }
        WriteEntries(ctx, entries, request.WithScores);
    }

    /// <summary>
    /// The members a range request names in the sorted set <paramref name="id"/> of <paramref name="size"/> members, in
    /// the request's order, with Redis's rules: ranks clamp to the set, a negative LIMIT offset selects nothing and a
    /// negative count everything from the offset on.
    /// </summary>
    private static async Task<List<ZEntry>> ReadRangeAsync(ISqlRunner sql, long id, long size, double? commonScore, RangeRequest request)
    {
        if (request.Kind == RangeKind.Rank)
        {
            var (start, stop) = ClampRanks(request.Start, request.Stop, size);
            if (start > stop) return [];
            return await WindowFromNearerEndAsync(sql, id, size, request.Reverse, start, stop);
        }
        if (request.Offset < 0 || request.Limit == 0) return [];
        long count = request.Limit < 0 ? long.MaxValue : request.Limit;
        if (request.Kind == RangeKind.Score)
        {
            if (request.Scores!.IsEmpty || (request.Offset > 0 && request.Offset >= size)) return [];
            return await ZSetReader.WindowAsync(sql, id, ZSetQuery.ByScore(request.Scores), request.Reverse, request.Offset, count);
        }
        if (request.Lex!.IsEmpty) return [];
        return await ZSetReader.WindowAsync(sql, id, ZSetQuery.ByLex(request.Lex, commonScore), request.Reverse, request.Offset, count);
    }

    /// <summary>Redis's rank arithmetic: negative ranks count from the end, then both clamp to the set; start &gt; stop when empty.</summary>
    private static (long Start, long Stop) ClampRanks(long start, long stop, long size)
    {
        if (start < 0) start += size;
        if (stop < 0) stop += size;
        if (start < 0) start = 0;
        if (start > stop || start >= size) return (1, 0);
        return (start, Math.Min(stop, size - 1));
    }

    /// <summary>
    /// The members at ranks <paramref name="start"/>..<paramref name="stop"/> (counted in the <paramref name="reverse"/>
    /// direction), read from the end they are nearer to, so the index read skips the fewest members.
    /// </summary>
    private static async Task<List<ZEntry>> WindowFromNearerEndAsync(ISqlRunner sql, long id, long size, bool reverse, long start, long stop)
    {
        long count = stop - start + 1, fromOtherEnd = size - 1 - stop;
        if (start <= fromOtherEnd) return await ZSetReader.WindowAsync(sql, id, ZSetQuery.All, reverse, start, count);
        var entries = await ZSetReader.WindowAsync(sql, id, ZSetQuery.All, !reverse, fromOtherEnd, count);
        entries.Reverse();
        return entries;
    }
}
