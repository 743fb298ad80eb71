using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// The Pub/Sub cleanup, every cleanup.pubsub_cleanup_interval_secs: removes proxies silent for longer than
/// cleanup.pubsub_idle_secs from the registry, the rows they left in proxy-owned tables (subscriptions), and Pub/Sub
/// messages older than cleanup.pubsub_message_ttl_secs. All across tenants, in bounded batches.
/// </summary>
public sealed class PubsubCleanupService(BackendPools pools, ProxyOptions options, RetryPolicies retry,
    IEnumerable<ICommandFamily> families, ILogger<PubsubCleanupService> logger) : PeriodicService(logger)
{
    private const int MaxBatchesPerTick = 100;
    private readonly IReadOnlyList<SqlTable> _proxyTables =
        families.OfType<IProxyStateOwner>().SelectMany(f => f.ProxyTables).ToList();

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Cleanup.PubsubCleanupIntervalSecs));

    protected override Task RunOnceAsync(CancellationToken cancel) => CleanOnceAsync(cancel);

    public async Task<long> CleanOnceAsync(CancellationToken cancel = default)
    {
        var executor = MaintenanceExecutor(pools, retry);
        if (executor == null) return 0;
        long removed = await executor.ExecuteAsync(ProxyStatements.RemoveIdle, options.Cleanup.PubsubIdleSecs * 1000L).ConfigureAwait(false);
        int batch = Math.Max(1, options.Cleanup.ExpireCleanupBatch);
        foreach (var table in _proxyTables)
        {
            for (int i = 0; i < MaxBatchesPerTick && !cancel.IsCancellationRequested; i++)
            {
                int deleted = await executor.ExecuteAsync(ProxyStatements.DeleteOrphans(table), batch).ConfigureAwait(false);
                removed += deleted;
                if (deleted < batch) break;
            }
        }
        if (removed > 0) logger.LogInformation("Pub/Sub cleanup removed {Count} rows of proxies that stopped", removed);
        return removed + await EventCleanupService.DeleteOlderAsync(pools, retry, options, EventStatements.DeleteOlderMessages,
            options.Cleanup.PubsubMessageTtlSecs, logger, cancel).ConfigureAwait(false);
    }
}
