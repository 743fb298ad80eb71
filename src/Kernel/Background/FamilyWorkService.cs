using Microsoft.Extensions.Logging;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Background;

/// <summary>
/// Runs the <see cref="IPeriodicWork"/> of every enabled family on its own period, with the maintenance credentials, and
/// lets each leave at a clean shutdown. A failed run is logged and retried at the next period.
/// </summary>
public sealed class FamilyWorkService(IEnumerable<ICommandFamily> families, CommandTable table, BackendPools pools, RetryPolicies retry,
    ILogger<FamilyWorkService> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    private IReadOnlyList<(string Family, IPeriodicWork Work)> Works { get; } = families
        .Where(f => table.EnabledFamilies.Contains(f.Name)).OfType<IPeriodicWork>()
        .Select(w => (((ICommandFamily)w).Name, w)).ToList();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Works.Select(w => RunAsync(w.Family, w.Work, stoppingToken)));

    private async Task RunAsync(string family, IPeriodicWork work, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(work.Period);
        do
        {
            try
            {
                if (PeriodicService.MaintenanceExecutor(pools, retry) is { } sql) await work.RunAsync(sql, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("The {Family} family's periodic work failed ({Message}); will retry in {Period}", family, e.Message, work.Period);
            }
        }
        while (await timer.WaitForNextTickAsync(cancel).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (PeriodicService.MaintenanceExecutor(pools, retry) is not { } sql) return;
        foreach (var (family, work) in Works)
        {
            try
            {
                await work.LeaveAsync(sql).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("The {Family} family could not leave at shutdown ({Message})", family, e.Message);
            }
        }
    }
}
