using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Auth;

/// <summary>
/// One MySQL pool per (user, password). MySqlConnector keeps the physical connections, keyed by the connection
/// string; this object remembers that the credentials were proven and when the pool was last used.
/// </summary>
public sealed class BackendPool(string user, string connectionString)
{
    private long _lastUsedTicks = Environment.TickCount64;
    private readonly ConcurrentDictionary<(string Tenant, int Db, PlanMerge Merge), PlanQueue> _queues = new();

    public string User { get; } = user;
    public string ConnectionString { get; } = connectionString;
    public bool Proven { get; set; }
    public long IdleMs => Environment.TickCount64 - Interlocked.Read(ref _lastUsedTicks);

    public void Touch() => Interlocked.Exchange(ref _lastUsedTicks, Environment.TickCount64);

    /// <summary>The queue that coalesces <paramref name="merge"/>'s plans of every client in the executor's tenant and db.</summary>
    internal PlanQueue QueueFor(SqlExecutor executor, PlanMerge merge) =>
        _queues.GetOrAdd((executor.Scope.Tenant, executor.Scope.Db, merge), static (_, arg) => new PlanQueue(arg.executor, arg.merge),
            (executor, merge));
}
