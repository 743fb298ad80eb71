using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// ZPOPMIN, ZPOPMAX and ZMPOP: the lowest or highest members read from one end of the index and deleted, in one
/// transaction on the locked key. <see cref="PopFirstAsync"/> is the pop the blocking forms reuse.
/// </summary>
public sealed partial class SortedSetCommands
{
    [RedisCommand("zpopmin", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "5.0.0", Summary = "Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.")]
    public ValueTask ZPopMin(CommandContext ctx) => PopAsync(ctx, max: false);

    [RedisCommand("zpopmax", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "5.0.0", Summary = "Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.")]
    public ValueTask ZPopMax(CommandContext ctx) => PopAsync(ctx, max: true);

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0).</summary>
    [RedisCommand("zmpop", -4, CommandFlags.Write, Group = "sorted_set", Since = "7.0.0", Summary = "Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped.")]
    public async ValueTask ZMPop(CommandContext ctx)
    {
        var arguments = MultiPopArguments<bool>.Parse(ctx, 1, ParseMax);
        var popped = await PopFirstAsync(ctx, arguments.Keys, arguments.Where, arguments.Count);
        if (popped is null) ctx.Reply.WriteNullArray();
        else WriteKeyAndPairs(ctx, popped);
    }

    private static async ValueTask PopAsync(CommandContext ctx, bool max)
    {
        if (ctx.Count > 3) throw new RedisException(RedisErrors.Syntax);
        long count = 1;
        if (ctx.Count == 3 && (!RedisNumbers.TryParseInt64(ctx.Arg(2), out count) || count < 0))
            throw RedisException.Err("value is out of range, must be positive");
        var popped = await PopFirstAsync(ctx, [ctx.Arg(1)], max, count);
        WriteEntries(ctx, popped?.Entries ?? [], withScores: true);
    }

    /// <summary>ZMPOP's and BZMPOP's reply: the key, then an array of [member, score] pairs.</summary>
    private static void WriteKeyAndPairs(CommandContext ctx, PoppedEntries popped)
    {
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(popped.Key);
        ctx.Reply.WriteArrayHeader(popped.Entries.Count);
        foreach (var entry in popped.Entries)
        {
            ctx.Reply.WriteArrayHeader(2);
            ctx.Reply.WriteBulkString(entry.Member.Value);
            ctx.Reply.WriteBulkString(ScoreText.Format(entry.Score));
        }
    }

    /// <summary>
    /// Pops up to <paramref name="count"/> of the lowest (or highest) members of the first of <paramref name="keys"/>
    /// that holds a sorted set, in one transaction; null when none does. A key of another type before it answers
    /// WRONGTYPE, as in Redis, unless <paramref name="skipOtherTypes"/>: a blocked client woken by a ZADD is served from
    /// the sorted sets among its keys. A count of 0 pops nothing from an existing key.
    /// </summary>
    private static Task<PoppedEntries?> PopFirstAsync(CommandContext ctx, IReadOnlyList<byte[]> keys, bool max, long count,
        bool skipOtherTypes = false) =>
        ctx.Sql.TransactionAsync(async tx =>
        {
            foreach (var key in keys)
            {
                LockedZSet zset;
                try
                {
                    zset = await LockedZSet.LockAsync(tx, key, ctx.NowMs);
                }
                catch (RedisException) when (skipOtherTypes)
                {
                    continue;
                }
                if (!zset.Key.Exists) continue;
                var taken = await zset.TakeAsync(ZSetQuery.All, max, 0, count);
                if (taken.Count == 0) return new PoppedEntries(key, taken);
                bool deleted = await zset.SaveAsync();
                await tx.NotifyAsync(NotifyFlags.Zset, max ? "zpopmax" : "zpopmin", key);
                if (deleted) await tx.NotifyAsync(NotifyFlags.Generic, "del", key);
                return new PoppedEntries(key, taken);
            }
            return (PoppedEntries?)null;
        }, ctx.Sql.Retry.Set);

    /// <summary>ZMPOP's and BZMPOP's direction: MAX pops the highest scores, MIN the lowest.</summary>
    private static bool ParseMax(CommandContext ctx, int index) =>
        ctx.ArgIs(index, "MAX") || (ctx.ArgIs(index, "MIN") ? false : throw new RedisException(RedisErrors.Syntax));
}
