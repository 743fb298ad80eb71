using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// ZPOPMIN, ZPOPMAX and ZMPOP: the lowest or highest members read from one end of the index and deleted, in one
/// transaction on the locked key; pipelined and concurrent ZPOPMIN/ZPOPMAXs share one. <see cref="PopFirstAsync"/> is
/// the pop the blocking forms reuse.
/// </summary>
public sealed partial class SortedSetCommands
{
    [RedisCommand("zpopmin", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "5.0.0", Summary = "Returns the lowest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.")]
    public ValueTask ZPopMin(CommandContext ctx) => ctx.RunPlanAsync(PopPlan(ctx, max: false) ?? throw PopError(ctx));

    [RedisCommand("zpopmax", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "5.0.0", Summary = "Returns the highest-scoring members from a sorted set after removing them. Deletes the sorted set if the last member was popped.")]
    public ValueTask ZPopMax(CommandContext ctx) => ctx.RunPlanAsync(PopPlan(ctx, max: true) ?? throw PopError(ctx));

    [CommandPlan("zpopmin")]
    public CommandPlan? PlanZPopMin(CommandContext ctx) => PopPlan(ctx, max: false);

    [CommandPlan("zpopmax")]
    public CommandPlan? PlanZPopMax(CommandContext ctx) => PopPlan(ctx, max: true);

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0).</summary>
    [RedisCommand("zmpop", -4, CommandFlags.Write, Group = "sorted_set", Since = "7.0.0", Summary = "Returns the highest- or lowest-scoring members from one or more sorted sets after removing them. Deletes the sorted set if the last member was popped.")]
    public async ValueTask ZMPop(CommandContext ctx)
    {
        var arguments = MultiPopArguments<bool>.Parse(ctx, 1, ParseMax);
        var popped = await PopFirstAsync(ctx, arguments.Keys, arguments.Where, arguments.Count);
        if (popped is null) ctx.Reply.WriteNullArray();
        else WriteKeyAndPairs(ctx, popped);
    }

    /// <summary>Pipelined and concurrent ZPOPMIN/ZPOPMAXs of a tenant and db share one transaction and one commit.</summary>
    private static readonly SharedTransaction PopTogether = new(PopAllAsync, policies => policies.Set);

    /// <summary>A pop whose arguments parse; the handler answers the others (<see cref="PopError"/>).</summary>
    private static CommandPlan? PopPlan(CommandContext ctx, bool max)
    {
        long count = 1;
        if (ctx.Count > 3 || (ctx.Count == 3 && (!RedisNumbers.TryParseInt64(ctx.Arg(2), out count) || count < 0))) return null;
        return new(ZSetStatements.Lock(0), [ctx.Arg(1), new ZPopRequest(max, count), ctx.NowMs], ZPopRequest.Reply)
        {
            Merge = PopTogether, Key = ctx.Arg(1),
        };
    }

    private static RedisException PopError(CommandContext ctx) => ctx.Count > 3
        ? new RedisException(RedisErrors.Syntax)
        : RedisException.Err("value is out of range, must be positive");

    /// <summary>
    /// The pops of a batch, key by key in key order: one lock per key, the members all its commands take read from each
    /// end at once, one write. Commands take members in arrival order, each member exactly once; once the set is empty
    /// the rest answer an empty array, as they would one after the other.
    /// </summary>
    private static async Task<object?[]?[]> PopAllAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        var byKey = SharedTransaction.ByKey(plans);
        foreach (var commands in byKey)
        {
            LockedZSet zset;
            try
            {
                zset = await LockedZSet.LockAsync(tx, commands.Key, commands.Max(i => (long)plans[i].Values[^1]!));
            }
            catch (RedisException e)
            {
                foreach (int i in commands) replies[i] = PlanReplies.Error(e.Message);
                continue;
            }
            // Each command's share in arrival order, as many as are left; the lowest and the highest never overlap.
            long remaining = zset.Size, fromMin = 0, fromMax = 0;
            var shares = new List<(int Plan, ZPopRequest Pop, long Count)>();
            foreach (int i in commands)
            {
                var pop = (ZPopRequest)plans[i].Values[1]!;
                long n = Math.Min(pop.Count, remaining);
                shares.Add((i, pop, n));
                remaining -= n;
                if (pop.Max) fromMax += n;
                else fromMin += n;
            }
            var lowest = await zset.TakeAsync(ZSetQuery.All, false, 0, fromMin);
            var highest = await zset.TakeAsync(ZSetQuery.All, true, 0, fromMax);
            if (fromMin + fromMax > 0)
            {
                bool deleted = await zset.SaveAsync();
                long left = fromMin + fromMax;
                foreach (var (_, pop, n) in shares.Where(share => share.Count > 0))
                {
                    await tx.NotifyAsync(NotifyFlags.Zset, pop.Max ? "zpopmax" : "zpopmin", commands.Key);
                    if ((left -= n) == 0 && deleted) await tx.NotifyAsync(NotifyFlags.Generic, "del", commands.Key);
                }
            }
            int nextMin = 0, nextMax = 0;
            foreach (var (i, pop, n) in shares)
            {
                var source = pop.Max ? highest : lowest;
                ref int next = ref pop.Max ? ref nextMax : ref nextMin;
                replies[i] = [source.GetRange(next, (int)n)];
                next += (int)n;
            }
        }
        return replies;
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
