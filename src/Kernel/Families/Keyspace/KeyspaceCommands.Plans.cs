using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// The one-key reads of this family as plans: EXISTS and TOUCH of one key, TYPE, TTL, PTTL, EXPIRETIME and
/// PEXPIRETIME share one <see cref="KeyedRead"/> (columns k, type, expires_at), so a pipeline mixing them, or many
/// clients polling TTLs, is one statement.
/// </summary>
public sealed partial class KeyspaceCommands
{
    private static readonly KeyedRead StatesByKeys = new(SelectLiveStates);

    /// <summary>Several keys are counted by the handler's own statement.</summary>
    [CommandPlan("exists")]
    public CommandPlan? PlanExists(CommandContext ctx) => ctx.Count == 2 ? StatePlan(ctx, ReplyExists) : null;

    [CommandPlan("touch")]
    public CommandPlan? PlanTouch(CommandContext ctx) => ctx.Count == 2 ? StatePlan(ctx, ReplyExists) : null;

    [CommandPlan("type")]
    public CommandPlan PlanType(CommandContext ctx) => StatePlan(ctx, ReplyType);

    [CommandPlan("ttl")]
    public CommandPlan PlanTtl(CommandContext ctx) => ExpiryPlan(ctx, absolute: false, inMs: false);

    [CommandPlan("pttl")]
    public CommandPlan PlanPTtl(CommandContext ctx) => ExpiryPlan(ctx, absolute: false, inMs: true);

    [CommandPlan("expiretime")]
    public CommandPlan PlanExpireTime(CommandContext ctx) => ExpiryPlan(ctx, absolute: true, inMs: false);

    [CommandPlan("pexpiretime")]
    public CommandPlan PlanPExpireTime(CommandContext ctx) => ExpiryPlan(ctx, absolute: true, inMs: true);

    private static CommandPlan StatePlan(CommandContext ctx, Action<RespWriter, object?[]?> reply) =>
        new(SelectLiveStates(1), [ctx.Arg(1), ctx.NowMs], reply) { Merge = StatesByKeys, Key = ctx.Arg(1) };

    private static void ReplyExists(RespWriter reply, object?[]? row)
    {
        if (row == null) reply.NoteMissing(1);
        reply.WriteInteger(row == null ? 0 : 1);
    }

    private static void ReplyType(RespWriter reply, object?[]? row)
    {
        if (row == null) reply.NoteMissing(1);
        reply.WriteSimpleString(row == null ? "none" : ((KeyType)Convert.ToByte(row[1])).Name());
    }

    /// <summary>-2 for a missing key, -1 for a persistent one; seconds are rounded to the nearest, as Redis does.</summary>
    private static CommandPlan ExpiryPlan(CommandContext ctx, bool absolute, bool inMs)
    {
        long now = ctx.NowMs;
        return StatePlan(ctx, (reply, row) =>
        {
            if (row == null)
            {
                reply.NoteMissing(1);
                reply.WriteInteger(-2);
            }
            else if (row[2] is not long at) reply.WriteInteger(-1);
            else
            {
                long ms = absolute ? at : Math.Max(0, at - now);
                reply.WriteInteger(inMs ? ms : ms / 1000 + (ms % 1000 >= 500 ? 1 : 0));
            }
        });
    }
}
