using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, TTL, PTTL, EXPIRETIME, PEXPIRETIME and PERSIST.</summary>
public sealed partial class KeyspaceCommands
{
    [RedisCommand("expire", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "generic",
        Summary = "Sets the expiration time of a key in seconds.")]
    public ValueTask Expire(CommandContext ctx) => ExpireAsync(ctx, "expire", relative: true, unitMs: 1000);

    [RedisCommand("pexpire", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "2.6.0",
        Summary = "Sets the expiration time of a key in milliseconds.")]
    public ValueTask PExpire(CommandContext ctx) => ExpireAsync(ctx, "pexpire", relative: true, unitMs: 1);

    [RedisCommand("expireat", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "1.2.0",
        Summary = "Sets the expiration time of a key to a Unix timestamp.")]
    public ValueTask ExpireAt(CommandContext ctx) => ExpireAsync(ctx, "expireat", relative: false, unitMs: 1000);

    [RedisCommand("pexpireat", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "2.6.0",
        Summary = "Sets the expiration time of a key to a Unix milliseconds timestamp.")]
    public ValueTask PExpireAt(CommandContext ctx) => ExpireAsync(ctx, "pexpireat", relative: false, unitMs: 1);

    [RedisCommand("ttl", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "generic",
        Summary = "Returns the expiration time in seconds of a key.")]
    public ValueTask Ttl(CommandContext ctx) => ctx.RunPlanAsync(PlanTtl(ctx));

    [RedisCommand("pttl", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "2.6.0",
        Summary = "Returns the expiration time in milliseconds of a key.")]
    public ValueTask PTtl(CommandContext ctx) => ctx.RunPlanAsync(PlanPTtl(ctx));

    [RedisCommand("expiretime", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "7.0.0",
        Summary = "Returns the expiration time of a key as a Unix timestamp.")]
    public ValueTask ExpireTime(CommandContext ctx) => ctx.RunPlanAsync(PlanExpireTime(ctx));

    [RedisCommand("pexpiretime", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "7.0.0",
        Summary = "Returns the expiration time of a key as a Unix milliseconds timestamp.")]
    public ValueTask PExpireTime(CommandContext ctx) => ctx.RunPlanAsync(PlanPExpireTime(ctx));

    [RedisCommand("persist", 2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "generic", Since = "2.2.0",
        Summary = "Removes the expiration time of a key.")]
    public async ValueTask Persist(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await ExecuteNotifyingAsync(ctx, KeyspaceFamilyStatements.Persist, [ctx.Arg(1), ctx.NowMs], "persist"));

    /// <summary>
    /// A one-statement change of the key in argument 1; when it changed the key and the tenant's notify-keyspace-events
    /// asks for generic events, a transaction that also publishes <paramref name="eventName"/>.
    /// </summary>
    private static async Task<int> ExecuteNotifyingAsync(CommandContext ctx, Statement statement, object?[] values, string eventName)
    {
        if (!await ctx.Sql.NotifiesAsync(NotifyFlags.Generic)) return await ctx.Sql.ExecuteAsync(statement, values);
        return await ctx.Sql.TransactionAsync(async tx =>
        {
            int changed = await tx.ExecuteAsync(statement, values);
            if (changed > 0) await tx.NotifyAsync(NotifyFlags.Generic, eventName, ctx.Arg(1));
            return changed;
        }, ctx.Sql.Retry.Set);
    }

    /// <summary>
    /// One conditional statement: the options become predicates on the stored expiry, so checking and writing are
    /// atomic without a transaction. A time already past deletes the key (and still answers 1), as Redis does.
    /// </summary>
    private static async ValueTask ExpireAsync(CommandContext ctx, string command, bool relative, long unitMs)
    {
        var flags = ExpireFlags.Parse(ctx, 3);
        long when = ctx.ArgInt64(2);
        long baseMs = relative ? ctx.NowMs : 0;
        if (when > long.MaxValue / unitMs || when < long.MinValue / unitMs || when * unitMs > long.MaxValue - baseMs)
            throw new RedisException(string.Format(RedisErrors.InvalidExpire, command));
        when = when * unitMs + baseMs;

        var statement = when <= ctx.NowMs ? ExpireNow : ExpireLater;
        var values = Bind(statement, new Dictionary<string, object?>
        {
            ["k"] = ctx.Arg(1), ["now"] = ctx.NowMs, ["when"] = when,
            ["nx"] = flags.Nx ? 1 : 0, ["xx"] = flags.Xx ? 1 : 0, ["gt"] = flags.Gt ? 1 : 0, ["lt"] = flags.Lt ? 1 : 0,
        });
        // A time already past deletes the key: Redis then raises del, not expire.
        ctx.Reply.WriteInteger(await ExecuteNotifyingAsync(ctx, statement, values, statement == ExpireNow ? "del" : "expire"));
    }
}
