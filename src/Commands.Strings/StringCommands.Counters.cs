using System.Text;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings;

/// <summary>INCR, DECR, INCRBY, DECRBY, INCRBYFLOAT: read, compute and write back under the row lock, keeping the TTL.</summary>
public sealed partial class StringCommands
{
    [RedisCommand("incr", 2, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Increments the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask Incr(CommandContext ctx) => IncrementAsync(ctx, 1);

    [RedisCommand("decr", 2, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Decrements the integer value of a key by one. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask Decr(CommandContext ctx) => IncrementAsync(ctx, -1);

    [RedisCommand("incrby", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Increments the integer value of a key by a number. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask IncrBy(CommandContext ctx) => IncrementAsync(ctx, ctx.ArgInt64(2));

    [RedisCommand("decrby", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Decrements a number from the integer value of a key. Uses 0 as initial value if the key doesn't exist.")]
    public ValueTask DecrBy(CommandContext ctx)
    {
        long decrement = ctx.ArgInt64(2);
        if (decrement == long.MinValue) throw RedisException.Err("decrement would overflow");
        return IncrementAsync(ctx, -decrement);
    }

    [RedisCommand("incrbyfloat", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Increment the floating point value of a key by a number. Uses 0 as initial value if the key doesn't exist.", Since = "2.6.0")]
    public async ValueTask IncrByFloat(CommandContext ctx)
    {
        // Redis checks the type before the numbers, so an invalid increment is reported only after the lookup.
        bool validIncrement = LongDouble.TryParse(ctx.Arg(2), out var increment);
        var result = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await LockedKey.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            var current = key.StringValue();
            var value = LongDouble.Zero;
            if ((current is not null && !LongDouble.TryParse(current, out value)) || !validIncrement)
                throw new RedisException(RedisErrors.NotFloat);
            var sum = value.Add(increment);
            if (sum.IsInfinity) throw RedisException.Err("increment would produce NaN or Infinity");
            var text = Encoding.ASCII.GetBytes(sum.ToRedisString());
            await key.WriteAsync(text, key.ExpiresAt);
            return text;
        }, ctx.Sql.Retry.Incr);
        ctx.Reply.WriteBulkString(result);
    }

    private static async ValueTask IncrementAsync(CommandContext ctx, long delta)
    {
        var result = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await LockedKey.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            var current = key.StringValue();
            long value = 0;
            if (current is not null && !RedisNumbers.TryParseInt64(current, out value))
                throw new RedisException(RedisErrors.NotInteger);
            if ((delta < 0 && value < 0 && delta < long.MinValue - value) || (delta > 0 && value > 0 && delta > long.MaxValue - value))
                throw new RedisException(RedisErrors.Overflow);
            await key.WriteAsync(RedisNumbers.ToBytes(value + delta), key.ExpiresAt);
            return value + delta;
        }, ctx.Sql.Retry.Incr);
        ctx.Reply.WriteInteger(result);
    }
}
