using System.Data.Common;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// A read command reduced to one statement and a way to answer from its result set. Consecutive planned commands of
/// a pipeline go to MySQL as one batch (one round trip, executed in order), which is why a command offers a plan in
/// addition to its handler. <see cref="Reply"/> must not throw: it answers errors such as WRONGTYPE itself.
/// </summary>
public sealed record ReadPlan(Statement Statement, object?[] Values, Action<RespWriter, DbDataReader> Reply);

/// <summary>
/// Marks <c>ReadPlan? Name(CommandContext ctx)</c> as the plan of the named command of the same family; returning
/// null (e.g. for options the plan does not cover) sends that request through the ordinary handler.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadPlanAttribute(string command) : Attribute
{
    public string Command { get; } = command;
}
