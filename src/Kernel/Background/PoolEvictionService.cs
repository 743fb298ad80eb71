using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Background;

/// <summary>Closes the pools of credentials unused for idle_ttl_secs; the next AUTH proves them again.</summary>
public sealed class PoolEvictionService(BackendPools pools, ProxyOptions options, ILogger<PoolEvictionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(options.Pool.IdleTtlSecs / 4, 1, 60));
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            int evicted = await pools.EvictIdleAsync().ConfigureAwait(false);
            if (evicted > 0) logger.LogInformation("Evicted {Count} idle MySQL pool(s)", evicted);
        }
    }
}
