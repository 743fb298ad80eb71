using System.Data.Common;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// This proxy's entry in cluster_nodes and its reading of everyone's. A node is live for two heartbeats after its last
/// (alive_ms, written by the node itself so every reader judges it by the node's own period); a node silent for an hour
/// is deleted by whichever node heartbeats next.
/// </summary>
internal sealed class NodeRegistry(NodeAddress self, int heartbeatSecs)
{
    private const long ForgetAfterMs = 3_600_000;

    private readonly long _aliveMs = 2L * heartbeatSecs * 1000;

    /// <summary>Whether this process has written its row yet: the first write also resets started_at.</summary>
    private volatile bool _joined;

    public NodeAddress Self { get; } = self;

    public async Task HeartbeatAsync(ISqlRunner sql)
    {
        await RenewAsync(sql);
        await sql.ExecuteAsync(ClusterStatements.ForgetSilent, ForgetAfterMs);
    }

    public Task LeaveAsync(ISqlRunner sql) => sql.ExecuteAsync(ClusterStatements.Leave, Self.Id);

    /// <summary>
    /// The live nodes, with this one among them: when its row is missing (no heartbeat has run yet, for want of
    /// credentials before this client signed in), it is written through the caller's runner first, so a client always
    /// finds the node it is talking to in the map.
    /// </summary>
    public async Task<ClusterMap> MapAsync(ISqlRunner sql)
    {
        var nodes = await sql.QueryListAsync(ClusterStatements.Live, ReadNode);
        if (!nodes.Exists(n => n.Id == Self.Id))
        {
            await RenewAsync(sql);
            nodes.Add(new ClusterNode(Self.Id, Self.Host, Self.Port, 0));
        }
        return new ClusterMap(nodes, Self.Id);
    }

    private async Task RenewAsync(ISqlRunner sql)
    {
        await sql.ExecuteAsync(_joined ? ClusterStatements.Heartbeat : ClusterStatements.Join, Self.Id, Self.Host, Self.Port, _aliveMs);
        _joined = true;
    }

    private static ClusterNode ReadNode(DbDataReader row) =>
        new(row.GetString(0), row.GetString(1), row.GetInt32(2), row.GetInt64(3));
}
