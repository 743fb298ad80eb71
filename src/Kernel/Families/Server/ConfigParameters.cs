using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// The Redis config parameters CONFIG GET answers, with values derived from the proxy's options where one exists.
/// Secrets such as requirepass are deliberately absent.
/// </summary>
internal sealed class ConfigParameters(ProxyOptions options)
{
    public IReadOnlyList<(string Name, string Value)> For(ClientSession caller) =>
    [
        ("databases", options.Databases.ToString()),
        ("maxmemory", "0"),
        ("maxmemory-policy", "noeviction"),
        ("save", ""),
        ("appendonly", "no"),
        ("appendfsync", "everysec"),
        ("timeout", (options.Server.IdleTimeoutMs / 1000).ToString()),
        ("maxclients", options.Server.MaxConnections.ToString()),
        ("port", InfoReport.ListenPort(caller, options).ToString()),
        ("bind", HostPort.Parse(options.BindAddr).Host),
        ("tcp-backlog", options.Server.Backlog.ToString()),
        ("tcp-keepalive", "300"),
        ("slowlog-log-slower-than", "10000"),
        ("slowlog-max-len", "128"),
        ("notify-keyspace-events", ""),
        ("cluster-enabled", "no"),
        ("lua-time-limit", "5000"),
        ("proto-max-bulk-len", options.Server.MaxBulkLen.ToString()),
        ("client-query-buffer-limit", options.Server.MaxFrameSize.ToString()),
        ("hz", "10"),
        ("dir", Directory.GetCurrentDirectory()),
        ("dbfilename", "dump.rdb"),
        ("replica-read-only", "yes"),
        ("loglevel", "notice"),
        ("protected-mode", "no"),
        ("client-output-buffer-limit", "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60"),
    ];
}
