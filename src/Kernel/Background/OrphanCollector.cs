using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Deletes child rows whose key is gone (DEL, expiry, FLUSH, overwrite by SET, RENAME onto it) or now holds another
/// type, for every child table the loaded families declare and every tenant. Work is bounded per tick: at most
/// <see cref="MaxKeysPerTick"/> orphaned keys, each in batches of cleanup.orphan_cleanup_batch rows, so a deleted
/// 100,000-field hash is reclaimed over a few ticks without a long lock. It works through
/// <see cref="PeriodicService.MaintenanceExecutor"/>.
/// </summary>
public sealed class OrphanCollector(BackendPools pools, ChildTableRegistry tables, ProxyOptions options, RetryPolicies retry,
    ILogger<OrphanCollector> logger) : PeriodicService(logger)
{
    private const int MaxKeysPerTick = 100;
    private const int MaxBatchesPerKey = 1000;

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Cleanup.OrphanCleanupIntervalSecs));

    protected override Task RunOnceAsync(CancellationToken cancel) =>
        tables.All.Count == 0 ? Task.CompletedTask : CollectOnceAsync(cancel);

    public async Task<long> CollectOnceAsync(CancellationToken cancel = default)
    {
        var executor = MaintenanceExecutor(pools, retry);
        if (executor == null) return 0;
        int batch = Math.Max(1, options.Cleanup.OrphanCleanupBatch);
        long total = 0;
        foreach (var table in tables.All)
        {
            var orphans = await executor.QueryListAsync(table.SelectOrphanKeyIds,
                r => (Tenant: (byte[])r.GetValue(0), KeyId: Convert.ToInt64(r.GetValue(1))), MaxKeysPerTick).ConfigureAwait(false);
            foreach (var (tenant, keyId) in orphans)
            {
                for (int i = 0; i < MaxBatchesPerKey && !cancel.IsCancellationRequested; i++)
                {
                    int deleted = await executor.ExecuteAsync(table.DeleteOrphans, tenant, keyId, batch).ConfigureAwait(false);
                    total += deleted;
                    if (deleted < batch) break;
                }
            }
        }
        if (total > 0) logger.LogInformation("Collected {Count} orphaned child rows", total);
        return total;
    }
}
