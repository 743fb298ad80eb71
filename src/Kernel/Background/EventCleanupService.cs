using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Deletes feed events older than events.retention_secs (Pub/Sub messages excepted: see
/// <see cref="PubsubCleanupService"/>), across tenants, in bounded batches. Pollers only need events
/// for as long as a transaction can stay uncommitted (<see cref="EventCursor.GapTimeoutMs"/>), so retention is slack.
/// </summary>
public sealed class EventCleanupService(BackendPools pools, ProxyOptions options, RetryPolicies retry,
    ILogger<EventCleanupService> logger) : PeriodicService(logger)
{
    private const int MaxBatchesPerTick = 100;

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Cleanup.EventsCleanupIntervalSecs));

    protected override Task RunOnceAsync(CancellationToken cancel) => CleanOnceAsync(cancel);

    public Task<long> CleanOnceAsync(CancellationToken cancel = default) =>
        DeleteOlderAsync(pools, retry, options, EventStatements.DeleteOlder, options.Events.RetentionSecs, logger, cancel);

    /// <summary>Deletes, in bounded batches, the events <paramref name="statement"/> selects that are older than <paramref name="ageSecs"/>.</summary>
    internal static async Task<long> DeleteOlderAsync(BackendPools pools, RetryPolicies retry, ProxyOptions options, Statement statement,
        int ageSecs, ILogger logger, CancellationToken cancel)
    {
        var executor = MaintenanceExecutor(pools, retry);
        if (executor == null) return 0;
        int batch = Math.Max(1, options.Cleanup.ExpireCleanupBatch);
        long cutoff = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ageSecs * 1000L;
        long total = 0;
        for (int i = 0; i < MaxBatchesPerTick && !cancel.IsCancellationRequested; i++)
        {
            int deleted = await executor.ExecuteAsync(statement, cutoff, batch).ConfigureAwait(false);
            total += deleted;
            if (deleted < batch) break;
        }
        if (total > 0) logger.LogDebug("Deleted {Count} old feed events ({Statement})", total, statement.Name);
        return total;
    }
}
