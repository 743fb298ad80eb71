using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Deletes expired keyspace rows of every tenant in bounded batches. Expired keys are already invisible to reads;
/// this only reclaims space. The proxy has no credentials of its own, so it sweeps through any pool that has proven
/// its credentials (every user sees the shared tables); with no pool at all there is nothing to sweep with yet.
/// </summary>
public sealed class ExpiredKeySweeper(BackendPools pools, ProxyOptions options, RetryPolicies retry, ServerStats stats,
    ILogger<ExpiredKeySweeper> logger) : BackgroundService
{
    /// <summary>Bounded work per tick so one sweep never holds the database for long.</summary>
    private const int MaxBatchesPerTick = 100;

    internal static readonly Statement DeleteExpired = SqlBuilder.Delete(SqlTable.Keyspace)
        .Unscoped().WhereRaw("expires_at IS NOT NULL AND expires_at <= @now").Limit("@batch")
        .Build("sweeper.delete_expired");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Cleanup.ExpireCleanupIntervalSecs));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepOnceAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Expired-key sweep failed; will retry next interval");
            }
        }
    }

    public async Task<long> SweepOnceAsync()
    {
        var pool = pools.AnyProven();
        if (pool == null) return 0;
        var executor = new SqlExecutor(pool, new SqlScope("", 0), retry);
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
