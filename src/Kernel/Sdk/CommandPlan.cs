using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// A simple command reduced to one statement and a way to answer from its first row (null when there is none, and
/// always for a write). Consecutive planned commands of a pipeline run together on one connection, and plans with
/// a <see cref="Merge"/> are also coalesced with those of other clients of the same pool, tenant and db: one
/// statement answers them all. <see cref="Reply"/> must not throw: it answers errors such as WRONGTYPE itself.
/// </summary>
public sealed record CommandPlan(Statement Statement, object?[] Values, Action<RespWriter, object?[]?> Reply)
{
    /// <summary>How this plan merges with others into one statement; set together with <see cref="Key"/>.</summary>
    public PlanMerge? Merge { get; init; }
    public byte[]? Key { get; init; }
}

/// <summary>A way for many plans to share one statement: <see cref="KeyedRead"/> or <see cref="KeyedWrite"/>.</summary>
public abstract class PlanMerge
{
    private protected PlanMerge() { }
}

/// <summary>
/// A point read by key: <see cref="ForKeys"/> gives, for an IN-list of n keys, a statement with parameters
/// k0..k(n-1) then now (the latest of the plans' last values), whose rows start with the key column; each plan is
/// answered from its key's row.
/// </summary>
public sealed class KeyedRead(Func<int, Statement> forKeys) : PlanMerge
{
    public Statement ForKeys(int count) => forKeys(count);
}

/// <summary>
/// A blind write of one row per key: <see cref="ForRows"/> gives, for n rows, one statement whose parameters are n
/// plans' values one row after the other. Within a merged batch the last plan of a key wins, as it would have run
/// last; rows go in key order so concurrent batches lock in the same order.
/// </summary>
public sealed class KeyedWrite(Func<int, Statement> forRows) : PlanMerge
{
    public Statement ForRows(int count) => forRows(count);
}

/// <summary>
/// Marks <c>CommandPlan? Name(CommandContext ctx)</c> as the plan of the named command of the same family; returning
/// null (e.g. for options the plan does not cover) sends that request through the ordinary handler.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CommandPlanAttribute(string command) : Attribute
{
    public string Command { get; } = command;
}
