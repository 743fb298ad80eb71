using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// CLUSTER SLOTS in Redis 7.0's format: per range of consecutive slots one node serves, in slot order,
/// <c>[start, end, [ip, port, id, {extra endpoints}]]</c> with no replicas after the master.
/// </summary>
internal static class ClusterSlotsReply
{
    public static void Write(RespWriter reply, ClusterMap map)
    {
        reply.WriteArrayHeader(map.Ranges.Count);
        foreach (var (slots, index) in map.Ranges)
        {
            var node = map.Nodes[index];
            reply.WriteArrayHeader(3);
            reply.WriteInteger(slots.From);
            reply.WriteInteger(slots.To);
            reply.WriteArrayHeader(4);
            reply.WriteBulkString(node.Host);
            reply.WriteInteger(node.Port);
            reply.WriteBulkString(node.Id);
            // The extra endpoints besides the preferred one (the ip): a hostname, which no node announces.
            reply.WriteArrayHeader(0);
        }
    }
}
