using System.Text;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>INCR, DECR, INCRBY, DECRBY, INCRBYFLOAT: read, compute and write back under the row lock, keeping the TTL.</summary>
public sealed partial class StringCommands
{
    [RedisCommand("incr", 2, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask Incr(CommandContext ctx) => ctx.RunPlanAsync(PlanIncr(ctx));

    [RedisCommand("decr", 2, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask Decr(CommandContext ctx) => ctx.RunPlanAsync(PlanDecr(ctx));

    [RedisCommand("incrby", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask IncrBy(CommandContext ctx) => ctx.RunPlanAsync(CounterPlan(ctx, ctx.ArgInt64(2)));

    [RedisCommand("decrby", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask DecrBy(CommandContext ctx)
    {
        long decrement = ctx.ArgInt64(2);
        if (decrement == long.MinValue) throw RedisException.Err("decrement would overflow");
        return ctx.RunPlanAsync(CounterPlan(ctx, -decrement));
    }

    [RedisCommand("incrbyfloat", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist.", Since = "2.6.0")]
    public async ValueTask IncrByFloat(CommandContext ctx)
    {
        // Redis checks the type before the numbers, so an invalid increment is reported only after the lookup.
        bool validIncrement = LongDouble.TryParse(ctx.Arg(2), out var increment);
        var result = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await StoredString.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            // Redis refuses a float string this long without parsing it (MAX_LONG_DOUBLE_CHARS); it may be big.
            var current = key.Length > MaxFloatLength ? null : await key.ReadAllAsync();
            var value = LongDouble.Zero;
            if (key.Length > MaxFloatLength || (current is not null && !LongDouble.TryParse(current, out value)) || !validIncrement)
                throw new RedisException(RedisErrors.NotFloat);
            var sum = value.Add(increment);
            if (sum.IsInfinity) throw RedisException.Err("increment would produce NaN or Infinity");
            var text = Encoding.ASCII.GetBytes(sum.ToRedisString());
            await key.SetAsync(text, key.ExpiresAt);
            await tx.NotifyAsync(NotifyFlags.String, "incrbyfloat", ctx.Arg(1));
            return text;
        }, ctx.Sql.Retry.Incr);
        ctx.Reply.WriteBulkString(result);
    }

    private const int MaxFloatLength = 5 * 1024;

    private static bool WouldOverflow(long value, long delta) =>
        (delta < 0 && value < 0 && delta < long.MinValue - value) || (delta > 0 && value > 0 && delta > long.MaxValue - value);

    /// <summary>Pipelined and concurrent INCR/DECR/INCRBY/DECRBY share one transaction: one lock statement, one write each way.</summary>
    private static readonly KeyedUpdate CounterByKeys = new(StringStatements.LockValues, KeyspaceStatements.UpsertStrings,
        KeyspaceStatements.InsertStrings, ApplyIncrement, policies => policies.Incr);

    [CommandPlan("incr")]
    public CommandPlan PlanIncr(CommandContext ctx) => CounterPlan(ctx, 1);

    [CommandPlan("decr")]
    public CommandPlan PlanDecr(CommandContext ctx) => CounterPlan(ctx, -1);

    /// <summary>A non-integer increment goes through the handler, which reports it.</summary>
    [CommandPlan("incrby")]
    public CommandPlan? PlanIncrBy(CommandContext ctx) =>
        RedisNumbers.TryParseInt64(ctx.Arg(2), out var delta) ? CounterPlan(ctx, delta) : null;

    [CommandPlan("decrby")]
    public CommandPlan? PlanDecrBy(CommandContext ctx) =>
        RedisNumbers.TryParseInt64(ctx.Arg(2), out var delta) && delta != long.MinValue ? CounterPlan(ctx, -delta) : null;

    private static CommandPlan CounterPlan(CommandContext ctx, long delta) =>
        new(StringStatements.LockValues(1), [ctx.Arg(1), delta, ctx.NowMs], PlanReplies.IntegerOrError)
        {
            Merge = CounterByKeys, Key = ctx.Arg(1), Notify = IncrByEvent,
        };

    /// <summary>Redis raises incrby for INCR, DECR, INCRBY and DECRBY alike.</summary>
    private static readonly PlanNotification IncrByEvent = new(NotifyFlags.String, "incrby");

    /// <summary>
    /// The handler's rules on a locked row (k, type, expires_at, v): an expired key counts as absent, another type is
    /// WRONGTYPE, the TTL is kept. The reply row holds the new value or the error (<see cref="PlanReplies"/>).
    /// </summary>
    private static KeyUpdateResult ApplyIncrement(CommandPlan plan, object?[]? row, long nowMs)
    {
        var key = (byte[])plan.Values[0]!;
        long delta = (long)plan.Values[1]!;
        long? expiresAt = row?[2] is long at ? at : null;
        bool live = row != null && (expiresAt is null || expiresAt > nowMs);
        long value = 0;
        if (live && (KeyType)Convert.ToByte(row![1]) != KeyType.String) return Failed(RedisErrors.WrongType);
        if (live && !RedisNumbers.TryParseInt64(row![3] as byte[] ?? [], out value)) return Failed(RedisErrors.NotInteger);
        if (WouldOverflow(value, delta)) return Failed(RedisErrors.Overflow);
        var text = RedisNumbers.ToBytes(value + delta);
        object? keptExpiry = live ? expiresAt : null;
        return new KeyUpdateResult([key, (byte)KeyType.String, keptExpiry ?? DBNull.Value, text], [key, text, keptExpiry], [value + delta],
            Created: !live);
    }

    private static KeyUpdateResult Failed(string error) => new(null, null, PlanReplies.Error(error));
}
