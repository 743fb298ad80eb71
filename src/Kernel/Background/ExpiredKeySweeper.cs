using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Deletes expired keyspace rows of every tenant in bounded batches. Expired keys are already invisible to reads;
/// this only reclaims space. It works through <see cref="PeriodicService.MaintenanceExecutor"/>.
/// </summary>
public sealed class ExpiredKeySweeper(BackendPools pools, ProxyOptions options, RetryPolicies retry, ServerStats stats,
    EventFeed feed, ILogger<ExpiredKeySweeper> logger) : PeriodicService(logger)
{
    /// <summary>Bounded work per tick so one sweep never holds the database for long.</summary>
    private const int MaxBatchesPerTick = 100;

    internal static readonly Statement DeleteExpired = SqlBuilder.Delete(SqlTable.Keyspace)
        .Unscoped().WhereRaw("expires_at IS NOT NULL AND expires_at <= @now").Limit("@batch")
        .Build("sweeper.delete_expired");

    /// <summary>Expired keys of tenants that set notify-keyspace-events, with that setting (params: now, batch).</summary>
    internal static readonly Statement SelectExpiredNotifying = SqlBuilder.From(SqlTable.Keyspace).Unscoped().Alias("k")
        .Select("k.tenant", "k.db", "k.k", "s.value")
        .Join("JOIN tenant_settings s ON s.tenant = k.tenant AND s.name = 'notify-keyspace-events'")
        .WhereRaw("k.expires_at IS NOT NULL AND k.expires_at <= @now").Limit("@batch").Build("sweeper.select_expired_notifying");

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Cleanup.ExpireCleanupIntervalSecs));

    protected override Task RunOnceAsync(CancellationToken cancel) => SweepOnceAsync();

    public async Task<long> SweepOnceAsync()
    {
        var executor = MaintenanceExecutor(pools, retry);
        if (executor == null) return 0;
        int batch = Math.Max(1, options.Cleanup.ExpireCleanupBatch);
        long total = await SweepNotifyingAsync(executor, batch).ConfigureAwait(false);
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

    /// <summary>
    /// First the expired keys of tenants whose notify-keyspace-events asks for expired events: each deleted in a
    /// transaction of its tenant that publishes <c>expired</c>, as Redis's active expiry does. The batch sweep takes the rest.
    /// </summary>
    private async Task<long> SweepNotifyingAsync(SqlExecutor executor, int batch)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var keys = await executor.QueryListAsync(SelectExpiredNotifying,
            r => (Tenant: System.Text.Encoding.UTF8.GetString((byte[])r.GetValue(0)), Db: Convert.ToInt32(r.GetValue(1)), Key: (byte[])r.GetValue(2),
                Flags: NotifyFlagsText.Parse(System.Text.Encoding.ASCII.GetString((byte[])r.GetValue(3))) ?? NotifyFlags.None),
            now, batch).ConfigureAwait(false);
        if (pools.ForMaintenance() is not { } pool) return 0;
        long deleted = 0;
        foreach (var (tenant, db, key, _) in keys.Where(k => KeyspaceMessages.Wanted(k.Flags, NotifyFlags.Expired)))
        {
            var tenantExecutor = new SqlExecutor(pool, new SqlScope(tenant, db), retry, feed);
            if (await LookupEvents.DeleteExpiredAsync(tenantExecutor, key, now).ConfigureAwait(false)) deleted++;
        }
        return deleted;
    }
}
