using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// The value every parameter starts from when the proxy starts: Redis 7.0's default, except where the proxy's own
/// configuration decides (the listener, the limits it enforces) or where Redis's default would describe a server the
/// proxy is not (it saves nothing to disk: the data is in MySQL; it has no protected mode).
/// </summary>
internal static class InitialConfigValues
{
    public static Dictionary<ConfigParameter, object> For(ProxyOptions options, bool clusterMode = false)
    {
        var values = RedisConfigTable.All.ToDictionary(p => p.Name, p => p.Default);
        values["databases"] = (long)options.Databases;
        var (host, port) = HostPort.Parse(options.BindAddr);
        values["bind"] = new[] { host };
        values["port"] = (long)port;
        values["tcp-backlog"] = (long)options.Server.Backlog;
        values["maxclients"] = (long)options.Server.MaxConnections;
        values["timeout"] = (long)options.Server.IdleTimeoutMs / 1000;
        values["proto-max-bulk-len"] = (long)options.Server.MaxBulkLen;
        values["client-query-buffer-limit"] = (long)options.Server.MaxFrameSize;
        values["protected-mode"] = false;
        values["save"] = Array.Empty<SavePoint>();
        values["cluster-enabled"] = clusterMode;
        return RedisConfigTable.All.ToDictionary(p => p, p => values[p.Name]);
    }
}
