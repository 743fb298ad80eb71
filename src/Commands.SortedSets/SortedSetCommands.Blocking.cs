using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// BZPOPMIN, BZPOPMAX and BZMPOP: the non-blocking pop first, then a wait in the kernel
/// (<see cref="CommandContext.BlockAsync{T}"/>) that retries it whenever one of the keys receives members, on this proxy
/// or any other (a ZADD records the key-ready event: <see cref="LockedZSet.SaveAsync"/>). A woken client is served from
/// the sorted sets among its keys; the first try answers WRONGTYPE like the non-blocking command.
/// </summary>
public sealed partial class SortedSetCommands
{
    [RedisCommand("bzpopmin", -3, CommandFlags.Write | CommandFlags.Fast | CommandFlags.Blocking, 1, -2, 1, Group = "sorted_set", Since = "5.0.0", Summary = "Removes and returns the member with the lowest score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.")]
    public ValueTask BZPopMin(CommandContext ctx) => BlockingPopAsync(ctx, max: false);

    [RedisCommand("bzpopmax", -3, CommandFlags.Write | CommandFlags.Fast | CommandFlags.Blocking, 1, -2, 1, Group = "sorted_set", Since = "5.0.0", Summary = "Removes and returns the member with the highest score from one or more sorted sets. Blocks until a member available otherwise.  Deletes the sorted set if the last element was popped.")]
    public ValueTask BZPopMax(CommandContext ctx) => BlockingPopAsync(ctx, max: true);

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0).</summary>
    [RedisCommand("bzmpop", -5, CommandFlags.Write | CommandFlags.Blocking, Group = "sorted_set", Since = "7.0.0", Summary = "Removes and returns a member by score from one or more sorted sets. Blocks until a member is available otherwise. Deletes the sorted set if the last element was popped.")]
    public async ValueTask BZMPop(CommandContext ctx)
    {
        // Redis reads the timeout after the other arguments.
        var arguments = MultiPopArguments<bool>.Parse(ctx, 2, ParseMax);
        var timeout = ctx.ArgTimeout(1);
        var popped = await ctx.BlockAsync(arguments.Keys, timeout,
            woken => PopFirstAsync(ctx, arguments.Keys, arguments.Where, arguments.Count, skipOtherTypes: woken));
        if (popped is null) ctx.Reply.WriteNullArray();
        else WriteKeyAndPairs(ctx, popped);
    }

    /// <summary>Replies [key, member, score], or a null array when the timeout passes.</summary>
    private static async ValueTask BlockingPopAsync(CommandContext ctx, bool max)
    {
        var timeout = ctx.ArgTimeout(ctx.Count - 1);
        var keys = ctx.Args.Skip(1).Take(ctx.Count - 2).ToList();
        var popped = await ctx.BlockAsync(keys, timeout, woken => PopFirstAsync(ctx, keys, max, 1, skipOtherTypes: woken));
        if (popped is null)
        {
            ctx.Reply.WriteNullArray();
            return;
        }
        ctx.Reply.WriteArrayHeader(3);
        ctx.Reply.WriteBulkString(popped.Key);
        ctx.Reply.WriteBulkString(popped.Entries[0].Member.Value);
        ctx.Reply.WriteBulkString(ScoreText.Format(popped.Entries[0].Score));
    }
}
