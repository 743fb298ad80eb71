using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Background;

/// <summary>Closes the pools of credentials unused for idle_ttl_secs; the next AUTH proves them again.</summary>
public sealed class PoolEvictionService(BackendPools pools, ProxyOptions options, ILogger<PoolEvictionService> logger)
    : PeriodicService(logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Clamp(options.Pool.IdleTtlSecs / 4, 1, 60));

    protected override async Task RunOnceAsync(CancellationToken cancel)
    {
        int evicted = await pools.EvictIdleAsync().ConfigureAwait(false);
        if (evicted > 0) logger.LogInformation("Evicted {Count} idle MySQL pool(s)", evicted);
    }
}
