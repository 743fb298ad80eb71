using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// CLUSTER SHARDS in Redis 7.0's format (RESP2, so maps are flat arrays): one shard per master, in the map's node order,
/// with its slots as start/end pairs and the master as its only node.
/// </summary>
internal static class ClusterShardsReply
{
    public static void Write(RespWriter reply, ClusterMap map)
    {
        reply.WriteArrayHeader(map.Nodes.Count);
        for (int i = 0; i < map.Nodes.Count; i++)
        {
            reply.WriteArrayHeader(4);
            reply.WriteBulkString("slots");
            var ranges = map.RangesOf(i).ToList();
            reply.WriteArrayHeader(2 * ranges.Count);
            foreach (var range in ranges)
            {
                reply.WriteInteger(range.From);
                reply.WriteInteger(range.To);
            }
            reply.WriteBulkString("nodes");
            reply.WriteArrayHeader(1);
            WriteNode(reply, map.Nodes[i]);
        }
    }

    private static void WriteNode(RespWriter reply, ClusterNode node)
    {
        reply.WriteArrayHeader(14);
        reply.WriteBulkString("id");
        reply.WriteBulkString(node.Id);
        reply.WriteBulkString("port");
        reply.WriteInteger(node.Port);
        reply.WriteBulkString("ip");
        reply.WriteBulkString(node.Host);
        reply.WriteBulkString("endpoint");
        reply.WriteBulkString(node.Host);
        reply.WriteBulkString("role");
        reply.WriteBulkString("master");
        // Writes go to MySQL, not down a replication stream, so no master has an offset to report.
        reply.WriteBulkString("replication-offset");
        reply.WriteInteger(0);
        reply.WriteBulkString("health");
        reply.WriteBulkString("online");
    }
}
