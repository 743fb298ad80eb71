using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Keeps this proxy alive in the registry, every pubsub.heartbeat_secs, once a client has signed in (the proxy has no
/// credentials of its own). On a clean shutdown it removes the proxy and its rows in proxy-owned tables at once.
/// </summary>
public sealed class ProxyHeartbeatService(BackendPools pools, ProxyOptions options, RetryPolicies retry, ProxyRegistry registry,
    IEnumerable<ICommandFamily> families, ILogger<ProxyHeartbeatService> logger) : PeriodicService(logger)
{
    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.Pubsub.HeartbeatSecs));

    protected override async Task RunOnceAsync(CancellationToken cancel)
    {
        if (MaintenanceExecutor(pools, retry) is { } executor) await registry.HeartbeatAsync(executor).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (MaintenanceExecutor(pools, retry) is not { } executor) return;
        try
        {
            foreach (var table in families.OfType<IProxyStateOwner>().SelectMany(f => f.ProxyTables))
                await executor.ExecuteAsync(ProxyStatements.DeleteOwn(table), registry.Id).ConfigureAwait(false);
            await executor.ExecuteAsync(ProxyStatements.Remove, registry.Id).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not leave the proxy registry at shutdown ({Message}); the Pub/Sub cleanup will", e.Message);
        }
    }
}
