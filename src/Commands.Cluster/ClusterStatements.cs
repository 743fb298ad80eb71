using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// Every statement of the cluster family: the node registry (cluster_nodes, the same for every tenant) and the keys of
/// a slot (the keyspace's slot column, scoped to the caller's tenant and db by the builder).
/// </summary>
internal static class ClusterStatements
{
    public static readonly SqlTable Nodes = new("cluster_nodes", TableScope.Shared);

    private const string DbNowMs = SqlBuilder.DbNowMs;

    /// <summary>Writes this node's row as a node that has just started (params: id, host, port, alive_ms).</summary>
    public static readonly Statement Join = Upsert($"started_at = {DbNowMs}").Build("cluster_nodes.join");

    /// <summary>Renews this node's heartbeat, writing its row again if it was forgotten (params: id, host, port, alive_ms).</summary>
    public static readonly Statement Heartbeat = Upsert().Build("cluster_nodes.heartbeat");

    /// <summary>Deletes the rows of nodes silent for longer than @silent_ms (params: silent_ms).</summary>
    public static readonly Statement ForgetSilent = SqlBuilder.Delete(Nodes)
        .WhereRaw($"heartbeat_at < {DbNowMs} - @silent_ms").Build("cluster_nodes.forget_silent");

    /// <summary>Deletes this node's row (params: id).</summary>
    public static readonly Statement Leave = SqlBuilder.Delete(Nodes).Where("node_id", "=", "@id").Build("cluster_nodes.leave");

    /// <summary>Every live node: one that renewed its heartbeat within its own alive_ms.</summary>
    public static readonly Statement Live = SqlBuilder.From(Nodes).Select("node_id", "host", "port", "heartbeat_at")
        .WhereRaw($"heartbeat_at > {DbNowMs} - alive_ms").Build("cluster_nodes.live");

    /// <summary>How many live keys of the caller's db are in a slot (params: slot, now).</summary>
    public static readonly Statement CountKeysInSlot = SqlBuilder.From(SqlTable.Keyspace).Select("COUNT(*)")
        .Where("slot", "=", "@slot").WhereLive().Build("cluster.count_keys_in_slot");

    /// <summary>
    /// Up to @count live keys of the caller's db in a slot, in key order: the order of the slot index, whose entries end
    /// with the primary key (params: slot, now, count).
    /// </summary>
    public static readonly Statement KeysInSlot = SqlBuilder.From(SqlTable.Keyspace).Select("k")
        .Where("slot", "=", "@slot").WhereLive().OrderBy("k").Limit("@count").Build("cluster.keys_in_slot");

    private static SqlBuilder Upsert(params string[] alsoOnRejoin) => SqlBuilder.Insert(Nodes)
        .Value("node_id", "@id").Value("host", "@host").Value("port", "@port")
        .Value("started_at", DbNowMs).Value("heartbeat_at", DbNowMs).Value("alive_ms", "@alive_ms")
        .OnDuplicateKeyUpdate([.. alsoOnRejoin, $"heartbeat_at = {DbNowMs}", "alive_ms = @alive_ms"]);
}
