using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX: one transaction on the locked key. Score and lex ranges are
/// one DELETE over the index range; a rank range reads the members at those ranks, then deletes them by hash.
/// </summary>
public sealed partial class SortedSetCommands
{
    [RedisCommand("zremrangebyrank", 4, CommandFlags.Write, 1, 1, 1, Group = "sorted_set", Since = "2.0.0", Summary = "Removes members in a sorted set within a range of indexes. Deletes the sorted set if all members were removed.")]
    public ValueTask ZRemRangeByRank(CommandContext ctx)
    {
        long start = ctx.ArgInt64(2), stop = ctx.ArgInt64(3);
        return RemoveRangeAsync(ctx, "zremrangebyrank", async zset =>
        {
            var (first, last) = ClampRanks(start, stop, zset.Size);
            if (first > last) return 0;
            // From the nearer end, as ZRANGE reads.
            long fromOtherEnd = zset.Size - 1 - last;
            var taken = first <= fromOtherEnd
                ? await zset.TakeAsync(ZSetQuery.All, false, first, last - first + 1)
                : await zset.TakeAsync(ZSetQuery.All, true, fromOtherEnd, last - first + 1);
            return taken.Count;
        });
    }

    [RedisCommand("zremrangebyscore", 4, CommandFlags.Write, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Removes members in a sorted set within a range of scores. Deletes the sorted set if all members were removed.")]
    public ValueTask ZRemRangeByScore(CommandContext ctx)
    {
        var range = ScoreRange.Parse(ctx.Arg(2), ctx.Arg(3)) ?? throw new RedisException(ScoreRange.NotAFloat);
        return RemoveRangeAsync(ctx, "zremrangebyscore", zset =>
            range.IsEmpty ? Task.FromResult(0L) : zset.RemoveSelectedAsync(ZSetQuery.ByScore(range)));
    }

    [RedisCommand("zremrangebylex", 4, CommandFlags.Write, 1, 1, 1, Group = "sorted_set", Since = "2.8.9", Summary = "Removes members in a sorted set within a lexicographical range. Deletes the sorted set if all members were removed.")]
    public ValueTask ZRemRangeByLex(CommandContext ctx)
    {
        var range = LexRange.Parse(ctx.Arg(2), ctx.Arg(3)) ?? throw new RedisException(LexRange.NotAStringRange);
        return RemoveRangeAsync(ctx, "zremrangebylex", async zset =>
            range.IsEmpty ? 0 : await zset.RemoveSelectedAsync(ZSetQuery.ByLex(range, await zset.CommonScoreAsync())));
    }

    /// <summary>
    /// Locks the key (a missing one removes nothing, another type is WRONGTYPE), runs <paramref name="remove"/>, saves,
    /// and raises <paramref name="eventName"/> and "del" as Redis does when members went. Replies the count.
    /// </summary>
    private static async ValueTask RemoveRangeAsync(CommandContext ctx, string eventName, Func<LockedZSet, Task<long>> remove)
    {
        byte[] key = ctx.Arg(1);
        long removed = await ctx.Sql.TransactionAsync(async tx =>
        {
            var zset = await LockedZSet.LockAsync(tx, key, ctx.NowMs);
            if (!zset.Key.Exists) return 0L;
            long n = await remove(zset);
            if (n == 0) return 0L;
            bool deleted = await zset.SaveAsync();
            await tx.NotifyAsync(NotifyFlags.Zset, eventName, key);
            if (deleted) await tx.NotifyAsync(NotifyFlags.Generic, "del", key);
            return n;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(removed);
    }
}
