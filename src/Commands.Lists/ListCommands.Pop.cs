using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// LPOP, RPOP (batched like the pushes) and LMPOP. <see cref="PopAsync"/> and <see cref="PopFirstAsync"/> are the
/// pop logic the blocking variants reuse.
/// </summary>
public sealed partial class ListCommands
{
    [RedisCommand("lpop", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "list", Summary = "Returns the first elements in a list after removing it. Deletes the list if the last element was popped.")]
    public ValueTask LPop(CommandContext ctx) => RunPopAsync(ctx, ListEnd.Left);

    [RedisCommand("rpop", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "list", Summary = "Returns and removes the last elements of a list. Deletes the list if the last element was popped.")]
    public ValueTask RPop(CommandContext ctx) => RunPopAsync(ctx, ListEnd.Right);

    [CommandPlan("lpop")]
    public CommandPlan? PlanLPop(CommandContext ctx) => PopPlan(ctx, ListEnd.Left);

    [CommandPlan("rpop")]
    public CommandPlan? PlanRPop(CommandContext ctx) => PopPlan(ctx, ListEnd.Right);

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0).</summary>
    [RedisCommand("lmpop", -4, CommandFlags.Write, Group = "list", Since = "7.0.0", Summary = "Returns multiple elements from a list after removing them. Deletes the list if the last element was popped.")]
    public async ValueTask LMPop(CommandContext ctx)
    {
        var arguments = MultiPopArguments<ListEnd>.Parse(ctx, 1, ListEnds.Parse);
        var popped = await PopFirstAsync(ctx, arguments.Keys, arguments.Where, arguments.Count);
        if (popped is null)
        {
            ctx.Reply.WriteNullArray();
            return;
        }
        WriteKeyAndElements(ctx, popped);
    }

    /// <summary>LMPOP's and BLMPOP's reply: the key, then the array of elements.</summary>
    private static void WriteKeyAndElements(CommandContext ctx, PoppedElements popped)
    {
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(popped.Key);
        ctx.Reply.WriteArrayHeader(popped.Values.Count);
        foreach (var value in popped.Values) ctx.Reply.WriteBulkString(value);
    }

    /// <summary>
    /// Pops up to <paramref name="count"/> elements from the first of <paramref name="keys"/> that holds a list, in one
    /// transaction; null when none does. A key of another type before it answers WRONGTYPE, as in Redis, unless
    /// <paramref name="skipOtherTypes"/>: a blocked client woken by a push is served from the lists among its keys.
    /// </summary>
    internal static Task<PoppedElements?> PopFirstAsync(CommandContext ctx, IReadOnlyList<byte[]> keys, ListEnd end, long count,
        bool skipOtherTypes = false) =>
        ctx.Sql.TransactionAsync(async tx =>
        {
            foreach (var key in keys)
            {
                List<byte[]>? values;
                try
                {
                    values = await PopAsync(tx, key, end, count, ctx.NowMs);
                }
                catch (RedisException) when (skipOtherTypes)
                {
                    continue;
                }
                if (values is not null) return new PoppedElements(key, values);
            }
            return (PoppedElements?)null;
        }, ctx.Sql.Retry.Set);

    /// <summary>
    /// Pops up to <paramref name="count"/> elements from one end of the list at <paramref name="key"/> inside the caller's
    /// transaction, in the order they leave; null when the key holds no list, WRONGTYPE when it holds another type.
    /// </summary>
    internal static async Task<List<byte[]>?> PopAsync(ISqlRunner tx, byte[] key, ListEnd end, long count, long nowMs)
    {
        var list = await LockedList.LockAsync(tx, key, nowMs, end == ListEnd.Left ? count : 0, end == ListEnd.Right ? count : 0);
        if (list.Length == 0) return null;
        var values = await list.PopAsync(end, count);
        await NotifyShrunkAsync(tx, list, PopEvent(end), key);
        return values;
    }

    /// <summary>Pipelined and concurrent LPOP/RPOPs of a tenant and db share one transaction and one commit.</summary>
    private static readonly SharedTransaction PopTogether = new(PopAllAsync, policies => policies.Set);

    /// <summary>The handler reports what the plan refuses: too many arguments, or a count that is not a non-negative integer.</summary>
    private static ValueTask RunPopAsync(CommandContext ctx, ListEnd end)
    {
        if (ctx.Count > 3) throw WrongArity(ctx);
        return ctx.RunPlanAsync(PopPlan(ctx, end) ?? throw RedisException.Err("value is out of range, must be positive"));
    }

    private static CommandPlan? PopPlan(CommandContext ctx, ListEnd end)
    {
        if (ctx.Count > 3) return null;
        long count = 1;
        if (ctx.Count == 3 && (!RedisNumbers.TryParseInt64(ctx.Arg(2), out count) || count < 0)) return null;
        return new(ListStatements.SelectEnds, [ctx.Arg(1), new PopRequest(end, count, ctx.Count == 3), ctx.NowMs], PopRequest.Reply)
        {
            Merge = PopTogether, Key = ctx.Arg(1),
        };
    }

    /// <summary>
    /// The pops of a batch, key by key in key order: one round trip that locks the key and reads its bounds and the
    /// elements asked of both ends (when they are few, else one more read), then one delete and one bounds write per key
    /// however many commands name it. Commands take consecutive elements in arrival order,
    /// each element exactly once; a command finding the list emptied by earlier ones answers as for a missing key.
    /// </summary>
    private static async Task<object?[]?[]> PopAllAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        await foreach (var (commands, list) in LockEachAsync(tx, plans, replies, RequestedEnds))
        {
            long remaining = list.Length, fromHead = 0, fromTail = 0;
            var shares = new List<(int Plan, PopRequest Pop, long Count)>();
            foreach (int i in commands)
            {
                var pop = (PopRequest)plans[i].Values[1]!;
                long n = remaining == 0 ? -1 : Math.Min(pop.Count, remaining);
                shares.Add((i, pop, n));
                if (n <= 0) continue;
                remaining -= n;
                if (pop.End == ListEnd.Left) fromHead += n;
                else fromTail += n;
            }
            var (headValues, tailValues) = await list.TakeAsync(fromHead, fromTail);
            // One event per command that took elements; the command that took the last one also deleted the key.
            long left = fromHead + fromTail;
            foreach (var (_, pop, n) in shares.Where(share => share.Count > 0))
            {
                await tx.NotifyAsync(NotifyFlags.List, PopEvent(pop.End), commands.Key);
                if ((left -= n) == 0 && remaining == 0) await tx.NotifyAsync(NotifyFlags.Generic, "del", commands.Key);
            }
            int nextHead = 0, nextTail = 0;
            foreach (var (i, pop, n) in shares)
            {
                if (n < 0)
                {
                    replies[i] = pop.Row(null);
                    continue;
                }
                var source = pop.End == ListEnd.Left ? headValues : tailValues;
                ref int next = ref pop.End == ListEnd.Left ? ref nextHead : ref nextTail;
                replies[i] = pop.Row(source.GetRange(next, (int)n));
                next += (int)n;
            }
        }
        return replies;

        // What the key's pops ask of each end, read with the lock; a short list gives fewer.
        (long FromHead, long FromTail) RequestedEnds(IEnumerable<int> commands)
        {
            long fromHead = 0, fromTail = 0;
            foreach (int i in commands)
            {
                var pop = (PopRequest)plans[i].Values[1]!;
                if (pop.End == ListEnd.Left) fromHead = SaturatingAdd(fromHead, pop.Count);
                else fromTail = SaturatingAdd(fromTail, pop.Count);
            }
            return (fromHead, fromTail);
        }
    }

    private static string PopEvent(ListEnd end) => end == ListEnd.Left ? "lpop" : "rpop";

    private static string PushEvent(ListEnd end) => end == ListEnd.Left ? "lpush" : "rpush";

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
