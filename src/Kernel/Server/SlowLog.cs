using System.Text;
using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Server;

/// <summary>
/// SLOWLOG: the commands that took at least slowlog-log-slower-than microseconds, newest first, at most slowlog-max-len
/// of them. One log per tenant, so a tenant sees and resets only its own clients' commands; ids count across the proxy.
/// </summary>
public sealed class SlowLog(RuntimeConfig runtime)
{
    private const int MaxArguments = 32;
    private const int MaxArgumentBytes = 128;

    private readonly Dictionary<string, LinkedList<SlowLogEntry>> _byTenant = new(StringComparer.Ordinal);
    private long _nextId;

    /// <summary>Whether a command that took <paramref name="micros"/> belongs in the log.</summary>
    public bool IsSlow(long micros) => runtime.SlowlogLogSlowerThan >= 0 && micros >= runtime.SlowlogLogSlowerThan;

    /// <summary>Logs a command, its arguments cut as Redis cuts them (32 arguments, 128 bytes each).</summary>
    public void Record(ClientSession session, IReadOnlyList<byte[]> args, long micros)
    {
        if (session.Tenant is not { } tenant) return;
        var kept = new List<byte[]>(Math.Min(args.Count, MaxArguments));
        for (int i = 0; i < args.Count && i < MaxArguments; i++)
        {
            if (i == MaxArguments - 1 && args.Count > MaxArguments)
                kept.Add(Encoding.ASCII.GetBytes($"... ({args.Count - MaxArguments + 1} more arguments)"));
            else if (args[i].Length > MaxArgumentBytes)
                kept.Add([.. args[i].AsSpan(0, MaxArgumentBytes), .. Encoding.ASCII.GetBytes($"... ({args[i].Length - MaxArgumentBytes} more bytes)")]);
            else kept.Add(args[i]);
        }
        var entry = new SlowLogEntry(Interlocked.Increment(ref _nextId) - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), micros, kept,
            Families.Server.ClientLine.Address(session.RemoteEndPoint), session.Name ?? "");
        lock (_byTenant)
        {
            if (!_byTenant.TryGetValue(tenant, out var log)) _byTenant[tenant] = log = new LinkedList<SlowLogEntry>();
            log.AddFirst(entry);
            Trim(log);
        }
    }

    /// <summary>The tenant's newest <paramref name="count"/> entries (all of them for -1).</summary>
    public IReadOnlyList<SlowLogEntry> Newest(string tenant, long count)
    {
        lock (_byTenant)
        {
            if (!_byTenant.TryGetValue(tenant, out var log)) return [];
            Trim(log);
            return (count < 0 ? log : log.Take((int)Math.Min(count, int.MaxValue))).ToList();
        }
    }

    public int Length(string tenant)
    {
        lock (_byTenant)
        {
            if (!_byTenant.TryGetValue(tenant, out var log)) return 0;
            Trim(log);
            return log.Count;
        }
    }

    public void Reset(string tenant)
    {
        lock (_byTenant) _byTenant.Remove(tenant);
    }

    /// <summary>CONFIG SET slowlog-max-len may have lowered the length since the last entry.</summary>
    private void Trim(LinkedList<SlowLogEntry> log)
    {
        while (log.Count > Math.Max(0, runtime.SlowlogMaxLen)) log.RemoveLast();
    }
}

/// <summary>One slow command: id, Unix time in seconds, duration in microseconds, arguments, client address and name.</summary>
public sealed record SlowLogEntry(long Id, long Time, long Micros, IReadOnlyList<byte[]> Arguments, string Peer, string ClientName);
