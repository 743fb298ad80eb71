using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Lists;

/// <summary>LMOVE and RPOPLPUSH. <see cref="MoveAsync"/> is the move logic the blocking variants reuse.</summary>
public sealed partial class ListCommands
{
    [RedisCommand("lmove", 5, CommandFlags.Write | CommandFlags.DenyOom, 1, 2, 1, Group = "list", Since = "6.2.0", Summary = "Returns an element after popping it from one list and pushing it to another. Deletes the list if the last element was moved.")]
    public async ValueTask LMove(CommandContext ctx)
    {
        var from = ListEnds.Parse(ctx, 3);
        var to = ListEnds.Parse(ctx, 4);
        WriteElement(ctx, await MoveAsync(ctx, ctx.Arg(1), ctx.Arg(2), from, to));
    }

    [RedisCommand("rpoplpush", 3, CommandFlags.Write | CommandFlags.DenyOom, 1, 2, 1, Group = "list", Since = "1.2.0", Summary = "Returns the last element of a list after removing and pushing it to another list. Deletes the list if the last element was popped.")]
    public async ValueTask RPopLPush(CommandContext ctx) =>
        WriteElement(ctx, await MoveAsync(ctx, ctx.Arg(1), ctx.Arg(2), ListEnd.Right, ListEnd.Left));

    /// <summary>
    /// Atomically pops one element from <paramref name="from"/> of the source list and pushes it at <paramref name="to"/>
    /// of the destination; null when the source holds no list. Both keys are locked in key order, so two opposite
    /// moves wait for each other instead of deadlocking; a source equal to the destination rotates the list.
    /// </summary>
    internal static Task<byte[]?> MoveAsync(CommandContext ctx, byte[] sourceKey, byte[] destinationKey, ListEnd from, ListEnd to) =>
        ctx.Sql.TransactionAsync(async tx =>
        {
            bool sameKey = KeyBytesComparer.Instance.Equals(sourceKey, destinationKey);
            // The source is checked first (Redis answers nil for a missing source whatever the destination holds), so a
            // destination that sorts first is locked before its type is looked at.
            if (!sameKey && KeyBytesComparer.Instance.Compare(destinationKey, sourceKey) < 0)
                await tx.QueryFirstAsync(KeyspaceStatements.SelectForUpdate, _ => true, destinationKey);
            var source = await LockedList.LockAsync(tx, sourceKey, ctx.NowMs, from == ListEnd.Left ? 1 : 0, from == ListEnd.Right ? 1 : 0);
            if (source.Length == 0) return null;
            if (sameKey)
            {
                // Rotating one element, or popping and pushing back at the same end, leaves the list as it was; Redis
                // still raises the push and the pop.
                if (source.Length == 1 || from == to)
                {
                    var kept = await source.PeekAsync(from);
                    await NotifyMovedAsync(tx, source, sourceKey, destinationKey, from, to);
                    return kept;
                }
                var rotated = (await source.PopAsync(from, 1))[0];
                await source.PushAsync(to, [rotated]);
                await NotifyMovedAsync(tx, source, sourceKey, destinationKey, from, to);
                await ListGrewAsync(tx, destinationKey);
                return rotated;
            }
            var destination = await LockedList.LockAsync(tx, destinationKey, ctx.NowMs);
            var value = (await source.PopAsync(from, 1))[0];
            await destination.PushAsync(to, [value]);
            await NotifyMovedAsync(tx, source, sourceKey, destinationKey, from, to);
            await ListGrewAsync(tx, destinationKey);
            return value;
        }, ctx.Sql.Retry.Set);

    /// <summary>A move's events in Redis 7.0's order: the push on the destination first, then the pop (and del) on the source.</summary>
    private static async Task NotifyMovedAsync(ISqlRunner tx, LockedList source, byte[] sourceKey, byte[] destinationKey, ListEnd from, ListEnd to)
    {
        await tx.NotifyAsync(NotifyFlags.List, PushEvent(to), destinationKey);
        await NotifyShrunkAsync(tx, source, PopEvent(from), sourceKey);
    }

    private static void WriteElement(CommandContext ctx, byte[]? value)
    {
        if (value is null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(value);
    }
}
