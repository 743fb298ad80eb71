using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH: the non-blocking form first, then a wait in the kernel
/// (<see cref="CommandContext.BlockAsync{T}"/>) that retries it whenever one of the keys receives elements, on this
/// proxy or any other. A client woken by a push is served from the lists among its keys (a key of another type is
/// skipped, as Redis skips it once blocked); the first try answers WRONGTYPE like the non-blocking command.
/// </summary>
public sealed partial class ListCommands
{
    [RedisCommand("blpop", -3, CommandFlags.Write | CommandFlags.Blocking, 1, -2, 1, Group = "list", Since = "2.0.0", Summary = "Removes and returns the first element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.")]
    public ValueTask BLPop(CommandContext ctx) => BlockingPopAsync(ctx, ListEnd.Left);

    [RedisCommand("brpop", -3, CommandFlags.Write | CommandFlags.Blocking, 1, -2, 1, Group = "list", Since = "2.0.0", Summary = "Removes and returns the last element in a list. Blocks until an element is available otherwise. Deletes the list if the last element was popped.")]
    public ValueTask BRPop(CommandContext ctx) => BlockingPopAsync(ctx, ListEnd.Right);

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0).</summary>
    [RedisCommand("blmpop", -5, CommandFlags.Write | CommandFlags.Blocking, Group = "list", Since = "7.0.0", Summary = "Pops the first element from one of multiple lists. Blocks until an element is available otherwise. Deletes the list if the last element was popped.")]
    public async ValueTask BLMPop(CommandContext ctx)
    {
        // Redis reads the timeout after the other arguments.
        var arguments = MultiPopArguments<ListEnd>.Parse(ctx, 2, ListEnds.Parse);
        var timeout = ctx.ArgTimeout(1);
        var popped = await ctx.BlockAsync(arguments.Keys, timeout,
            woken => PopFirstAsync(ctx, arguments.Keys, arguments.Where, arguments.Count, skipOtherTypes: woken));
        if (popped is null) ctx.Reply.WriteNullArray();
        else WriteKeyAndElements(ctx, popped);
    }

    [RedisCommand("blmove", 6, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Blocking, 1, 2, 1, Group = "list", Since = "6.2.0", Summary = "Pops an element from a list, pushes it to another list and returns it. Blocks until an element is available otherwise. Deletes the list if the last element was moved.")]
    public ValueTask BLMove(CommandContext ctx)
    {
        var from = ListEnds.Parse(ctx, 3);
        var to = ListEnds.Parse(ctx, 4);
        return BlockingMoveAsync(ctx, from, to, ctx.ArgTimeout(5));
    }

    [RedisCommand("brpoplpush", 4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Blocking, 1, 2, 1, Group = "list", Since = "2.2.0", Summary = "Pops an element from a list, pushes it to another list and returns it. Block until an element is available otherwise. Deletes the list if the last element was popped.")]
    public ValueTask BRPopLPush(CommandContext ctx) => BlockingMoveAsync(ctx, ListEnd.Right, ListEnd.Left, ctx.ArgTimeout(3));

    private static async ValueTask BlockingPopAsync(CommandContext ctx, ListEnd end)
    {
        var timeout = ctx.ArgTimeout(ctx.Count - 1);
        var keys = ctx.Args.Skip(1).Take(ctx.Count - 2).ToList();
        var popped = await ctx.BlockAsync(keys, timeout, woken => PopFirstAsync(ctx, keys, end, 1, skipOtherTypes: woken));
        if (popped is null)
        {
            ctx.Reply.WriteNullArray();
            return;
        }
        ctx.Reply.WriteArrayHeader(2);
        ctx.Reply.WriteBulkString(popped.Key);
        ctx.Reply.WriteBulkString(popped.Values[0]);
    }

    /// <summary>
    /// The move is one transaction whenever it runs, so a woken client's element lands in the destination atomically.
    /// Redis answers a timeout with a null array but an empty source in MULTI with a null bulk string.
    /// </summary>
    private static async ValueTask BlockingMoveAsync(CommandContext ctx, ListEnd from, ListEnd to, TimeSpan? timeout)
    {
        byte[] source = ctx.Arg(1), destination = ctx.Arg(2);
        var moved = await ctx.BlockAsync([source], timeout, _ => MoveAsync(ctx, source, destination, from, to));
        if (moved is not null) ctx.Reply.WriteBulkString(moved);
        else if (ctx.MayBlock) ctx.Reply.WriteNullArray();
        else ctx.Reply.WriteNullBulk();
    }
}
