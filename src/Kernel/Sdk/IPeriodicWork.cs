using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Implemented by a family that keeps rows about this proxy itself up to date (the cluster's node registry): while the
/// family is enabled, the kernel calls <see cref="RunAsync"/> every <see cref="Period"/>, and <see cref="LeaveAsync"/>
/// once at a clean shutdown, with a runner on the proxy's own credentials (auth.proxy_user, else auth.default_user,
/// else those of a client that signed in; no call is made before one of them exists).
/// </summary>
public interface IPeriodicWork
{
    TimeSpan Period { get; }

    Task RunAsync(ISqlRunner sql, CancellationToken cancel);

    Task LeaveAsync(ISqlRunner sql);
}
