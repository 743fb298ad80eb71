namespace RedisOnMySql.Commands.Cluster;

/// <summary>A live node of the cluster: its id, the address clients reach it at, and its last heartbeat (MySQL's clock, ms).</summary>
internal sealed record ClusterNode(string Id, string Host, int Port, long HeartbeatAtMs)
{
    /// <summary>Redis's cluster bus port convention; nothing listens there, but the map's format carries it.</summary>
    public int BusPort => Port + 10000;
}
