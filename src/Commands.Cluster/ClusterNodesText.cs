using System.Text;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// CLUSTER NODES in Redis 7.0's format, one line per node:
/// <c>id ip:port@cport flags master ping-sent pong-received config-epoch link-state slot-range...</c>.
/// </summary>
internal static class ClusterNodesText
{
    public static string Render(ClusterMap map)
    {
        var text = new StringBuilder();
        for (int i = 0; i < map.Nodes.Count; i++)
        {
            var node = map.Nodes[i];
            bool myself = i == map.MyIndex;
            // No ping is ever outstanding; a peer's last pong is its last heartbeat, and Redis shows 0 for itself.
            text.Append(node.Id).Append(' ').Append(node.Host).Append(':').Append(node.Port).Append('@').Append(node.BusPort)
                .Append(myself ? " myself,master" : " master").Append(" - 0 ").Append(myself ? 0 : node.HeartbeatAtMs)
                .Append(' ').Append(ClusterMap.EpochOf(i)).Append(" connected");
            foreach (var range in map.RangesOf(i))
            {
                text.Append(' ').Append(range.From);
                if (range.Count > 1) text.Append('-').Append(range.To);
            }
            text.Append('\n');
        }
        return text.ToString();
    }
}
