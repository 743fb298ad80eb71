using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// A hosted service that runs one bounded unit of work per period; a failed run is logged and the next period
/// tries again, so a MySQL outage never stops background maintenance for good.
/// </summary>
public abstract class PeriodicService(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Period { get; }

    /// <summary>
    /// An executor for cross-tenant maintenance, on <see cref="BackendPools.ForMaintenance"/> (every user sees the shared
    /// tables); null while the proxy has no credentials to use.
    /// </summary>
    internal static SqlExecutor? MaintenanceExecutor(BackendPools pools, RetryPolicies retry) =>
        pools.ForMaintenance() is { } pool ? new SqlExecutor(pool, new SqlScope("", 0), retry) : null;

    protected abstract Task RunOnceAsync(CancellationToken cancel);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Service} failed; will retry next period", GetType().Name);
            }
        }
    }
}
