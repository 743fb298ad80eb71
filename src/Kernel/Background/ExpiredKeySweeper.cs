using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Deletes expired keyspace rows of every tenant in bounded batches. Expired keys are already invisible to reads;
/// this only reclaims space. It works through <see cref="PeriodicService.MaintenanceExecutor"/>.
/// </summary>
public sealed class ExpiredKeySweeper(BackendPools pools, ProxyOptions options, RetryPolicies retry, ServerStats stats,
    ILogger<ExpiredKeySweeper> logger) : PeriodicService(logger)
{
    /// <summary>Bounded work per tick so one sweep never holds the database for long.</summary>
    private const int MaxBatchesPerTick = 100;

    internal static readonly Statement DeleteExpired = SqlBuilder.Delete(SqlTable.Keyspace)
        .Unscoped().WhereRaw("expires_at IS NOT NULL AND expires_at <= @now").Limit("@batch")
        .Build("sweeper.delete_expired");

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Cleanup.ExpireCleanupIntervalSecs));

    protected override Task RunOnceAsync(CancellationToken cancel) => SweepOnceAsync();

    public async Task<long> SweepOnceAsync()
    {
        var executor = MaintenanceExecutor(pools, retry);
        if (executor == null) return 0;
        int batch = Math.Max(1, options.Cleanup.ExpireCleanupBatch);
        long total = 0;
        for (int i = 0; i < MaxBatchesPerTick; i++)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            int deleted = await executor.ExecuteAsync(DeleteExpired, now, batch).ConfigureAwait(false);
            total += deleted;
            if (deleted < batch) break;
        }
        stats.KeysExpired(total);
        if (total > 0) logger.LogInformation("Swept {Count} expired keys", total);
        return total;
    }
}
