using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Proxies;

/// <summary>Statements of the proxy registry (migrations/0003_proxies.sql) and of the proxy-owned tables' upkeep.</summary>
internal static class ProxyStatements
{
    public static readonly SqlTable Proxies = new("proxies", TableScope.Tenant);

    private const string DbNowMs = SqlBuilder.DbNowMs;

    private static readonly ConcurrentDictionary<string, Statement> DeleteOwnByTable = new();
    private static readonly ConcurrentDictionary<string, Statement> DeleteOrphansByTable = new();

    /// <summary>Registers the proxy or renews its heartbeat (params: id).</summary>
    public static readonly Statement Heartbeat = SqlBuilder.Insert(Proxies).Unscoped()
        .Value("id", "@id").Value("started_at", DbNowMs).Value("heartbeat_at", DbNowMs)
        .OnDuplicateKeyUpdate($"heartbeat_at = {DbNowMs}").Build("proxies.heartbeat");

    /// <summary>Removes the proxy from the registry (params: id).</summary>
    public static readonly Statement Remove = SqlBuilder.Delete(Proxies).Unscoped().Where("id", "=", "@id").Build("proxies.remove");

    /// <summary>Removes proxies silent for longer than @idle_ms (params: idle_ms).</summary>
    public static readonly Statement RemoveIdle = SqlBuilder.Delete(Proxies).Unscoped()
        .WhereRaw($"heartbeat_at < {DbNowMs} - @idle_ms").Build("proxies.remove_idle");

    /// <summary>A proxy's rows in a proxy-owned table, across tenants (params: id).</summary>
    public static Statement DeleteOwn(SqlTable table) => DeleteOwnByTable.GetOrAdd(table.Name, _ =>
        SqlBuilder.Delete(table).Unscoped().Where("proxy_id", "=", "@id").Build($"proxies.delete_own.{table.Name}"));

    /// <summary>Up to @batch rows of a proxy-owned table whose proxy left the registry (params: batch).</summary>
    public static Statement DeleteOrphans(SqlTable table) => DeleteOrphansByTable.GetOrAdd(table.Name, _ =>
        SqlBuilder.Delete(table).Unscoped().WhereRaw("proxy_id NOT IN (SELECT id FROM proxies)").Limit("@batch")
            .Build($"proxies.delete_orphans.{table.Name}"));
}
