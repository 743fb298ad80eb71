namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// A proxy with the cluster family on but no credentials of its own and an hour between heartbeats: no heartbeat runs
/// during a test, so only a client's own commands can put the node in the registry.
/// </summary>
public sealed class NoHeartbeatClusterFixture : ClusterFamilyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_ENABLED"] = "cluster",
        ["REDIS_MYSQL_CLUSTER_HEARTBEAT_SECS"] = "3600",
    };
}
