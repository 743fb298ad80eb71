using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// LSET, LINSERT, LREM and LTRIM: each one transaction on the locked list, set-based in SQL however many elements it
/// touches (LINSERT moves only the shorter side, LREM renumbers the survivors in one statement).
/// </summary>
public sealed partial class ListCommands
{
    [RedisCommand("lset", 4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "list", Summary = "Sets the value of an element in a list by its index.")]
    public async ValueTask LSet(CommandContext ctx)
    {
        await ctx.Sql.TransactionAsync(async tx =>
        {
            // Redis's order: the key, then the index.
            var list = await LockedList.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            if (list.Length == 0) throw new RedisException(RedisErrors.NoSuchKey);
            long index = ctx.ArgInt64(2);
            if (index < 0) index += list.Length;
            if (index < 0 || index >= list.Length) throw RedisException.Err("index out of range");
            await tx.ExecuteAsync(ListStatements.UpdateItem, ctx.Arg(3), list.Key.Id, list.PositionOf(index));
            await tx.NotifyAsync(NotifyFlags.List, "lset", ctx.Arg(1));
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteOk();
    }

    [RedisCommand("linsert", 5, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "list", Since = "2.2.0", Summary = "Inserts an element before or after another element in a list.")]
    public async ValueTask LInsert(CommandContext ctx)
    {
        bool after = ctx.ArgIs(2, "AFTER");
        if (!after && !ctx.ArgIs(2, "BEFORE")) throw new RedisException(RedisErrors.Syntax);
        long length = await ctx.Sql.TransactionAsync(async tx =>
        {
            var list = await LockedList.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            if (list.Length == 0) return 0L;
            var pivot = await tx.QueryFirstAsync(ListStatements.SelectFirstMatch, r => (long?)r.GetInt64(0), list.Key.Id, ctx.Arg(3));
            if (pivot is null) return -1L;
            await list.InsertAtAsync(pivot.Value - list.Head + (after ? 1 : 0), ctx.Arg(4));
            await tx.NotifyAsync(NotifyFlags.List, "linsert", ctx.Arg(1));
            await ListGrewAsync(tx, ctx.Arg(1));
            return list.Length;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(length);
    }

    [RedisCommand("lrem", 4, CommandFlags.Write, 1, 1, 1, Group = "list", Summary = "Removes elements from a list. Deletes the list if the last element was removed.")]
    public async ValueTask LRem(CommandContext ctx)
    {
        long count = ctx.ArgInt64(2);
        long removed = await ctx.Sql.TransactionAsync(async tx =>
        {
            var list = await LockedList.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            if (list.Length == 0) return 0L;
            // Redis negates the count in a C long: -9223372036854775808 stays negative and removes every match.
            long limit = count == 0 || count == long.MinValue ? long.MaxValue : Math.Abs(count);
            var statement = count < 0 ? ListStatements.DeleteMatchesFromTail : ListStatements.DeleteMatchesFromHead;
            long n = await tx.ExecuteAsync(statement, list.Key.Id, ctx.Arg(3), limit);
            if (n == 0) return 0L;
            await list.CloseGapsAsync(n);
            await NotifyShrunkAsync(tx, list, "lrem", ctx.Arg(1));
            return n;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(removed);
    }

    [RedisCommand("ltrim", 4, CommandFlags.Write, 1, 1, 1, Group = "list", Summary = "Removes elements from both ends a list. Deletes the list if all elements were trimmed.")]
    public async ValueTask LTrim(CommandContext ctx)
    {
        long start = ctx.ArgInt64(2), stop = ctx.ArgInt64(3);
        await ctx.Sql.TransactionAsync(async tx =>
        {
            var list = await LockedList.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            if (list.Length == 0) return false;
            if (ListIndexes.Range(start, stop, list.Length) is { } kept)
                await list.KeepAsync(list.PositionOf(kept.First), list.PositionOf(kept.Last));
            else
                await list.RemoveAllAsync();
            // Redis raises ltrim whenever the list exists, even when nothing was trimmed.
            await NotifyShrunkAsync(tx, list, "ltrim", ctx.Arg(1));
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteOk();
    }

    /// <summary>Raises <paramref name="eventName"/> for a list an edit may have shortened, then del when it emptied it, as Redis does.</summary>
    private static async Task NotifyShrunkAsync(ISqlRunner tx, LockedList list, string eventName, byte[] key)
    {
        await tx.NotifyAsync(NotifyFlags.List, eventName, key);
        if (list.Length == 0) await tx.NotifyAsync(NotifyFlags.Generic, "del", key);
    }
}
