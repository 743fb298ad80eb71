using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// A read command reduced to one statement and a way to answer from its first row (null when there is none).
/// Consecutive planned commands of a pipeline are answered together on one connection: plans of the same
/// <see cref="KeyedRead"/> by one statement over all their keys. <see cref="Reply"/> must not throw: it answers
/// errors such as WRONGTYPE itself.
/// </summary>
public sealed record ReadPlan(Statement Statement, object?[] Values, Action<RespWriter, object?[]?> Reply)
{
    /// <summary>Set with <see cref="Key"/> when the plan is a point read that <see cref="KeyedRead"/> can merge.</summary>
    public KeyedRead? Keyed { get; init; }
    public byte[]? Key { get; init; }
}

/// <summary>
/// A point read by key that many requests can share: <see cref="ForKeys"/> gives, for an IN-list of n keys, a statement
/// with parameters k0..k(n-1) then now (taken from the first plan's last value), whose rows start with the key column;
/// each plan is answered from its key's row.
/// </summary>
public sealed class KeyedRead(Func<int, Statement> forKeys)
{
    public Statement ForKeys(int count) => forKeys(count);
}

/// <summary>
/// Marks <c>ReadPlan? Name(CommandContext ctx)</c> as the plan of the named command of the same family; returning
/// null (e.g. for options the plan does not cover) sends that request through the ordinary handler.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadPlanAttribute(string command) : Attribute
{
    public string Command { get; } = command;
}
