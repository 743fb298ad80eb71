namespace RedisOnMySql.Kernel.Server;

/// <summary>
/// CLIENT PAUSE: each tenant's pause on this proxy. A paused command waits, before it runs or is queued, until the
/// pause times out or CLIENT UNPAUSE ends it, as in Redis; WRITE pauses only the commands that write. One tenant's
/// pause never holds another tenant's clients.
/// </summary>
public sealed class ClientPauses
{
    private readonly Dictionary<string, Pause> _byTenant = new(StringComparer.Ordinal);

    /// <summary>Pauses started and not yet found ended: while 0, a command pays one read, no lock.</summary>
    private volatile int _count;

    private sealed record Pause(bool WritesOnly, long UntilMs, CancellationTokenSource Ended);

    /// <summary>Pauses the tenant's clients until <paramref name="untilMs"/> (Unix ms); a pause already longer, or of all commands, is kept.</summary>
    public void Start(string tenant, long untilMs, bool writesOnly)
    {
        lock (_byTenant)
        {
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (_byTenant.TryGetValue(tenant, out var current) && !current.Ended.IsCancellationRequested)
            {
                // As Redis's pauseClients: the longer end and the stricter type win.
                untilMs = Math.Max(untilMs, current.UntilMs);
                writesOnly &= current.WritesOnly;
                current.Ended.Cancel();
            }
            var ended = new CancellationTokenSource(TimeSpan.FromMilliseconds(Math.Max(0, untilMs - now)));
            _byTenant[tenant] = new Pause(writesOnly, untilMs, ended);
            _count = _byTenant.Count;
        }
    }

    public void End(string tenant)
    {
        lock (_byTenant)
        {
            if (_byTenant.Remove(tenant, out var pause)) pause.Ended.Cancel();
            _count = _byTenant.Count;
        }
    }

    /// <summary>Whether any tenant may be paused: while not, a command pays this one read.</summary>
    public bool Any => _count > 0;

    /// <summary>Whether a command of the tenant (a write or not) must wait now.</summary>
    public bool Holds(string? tenant, bool writes) =>
        _count > 0 && tenant is not null && Current(tenant) is { } pause && (writes || !pause.WritesOnly);

    /// <summary>Waits while the tenant's pause holds the command; returns at once when none does.</summary>
    public async Task WaitAsync(string? tenant, bool writes, CancellationToken disconnected)
    {
        while (tenant is not null && Current(tenant) is { } pause && (writes || !pause.WritesOnly))
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(pause.Ended.Token, disconnected);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!disconnected.IsCancellationRequested)
            {
            }
        }
    }

    private Pause? Current(string tenant)
    {
        lock (_byTenant)
        {
            if (!_byTenant.TryGetValue(tenant, out var pause)) return null;
            if (!pause.Ended.IsCancellationRequested) return pause;
            _byTenant.Remove(tenant);
            _count = _byTenant.Count;
            return null;
        }
    }
}
