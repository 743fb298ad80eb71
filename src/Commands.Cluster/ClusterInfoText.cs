using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// CLUSTER INFO in Redis 7.0's format and field order. A node in the map is live by definition, so no slot is in a
/// failing state; and there is no cluster bus, so no bus message was ever sent, received or dropped.
/// </summary>
internal static class ClusterInfoText
{
    public static string Render(ClusterMap map)
    {
        int assigned = map.AssignedSlots;
        return $"cluster_state:{(assigned == KeySlot.Count ? "ok" : "fail")}\r\n" +
               $"cluster_slots_assigned:{assigned}\r\n" +
               $"cluster_slots_ok:{assigned}\r\n" +
               "cluster_slots_pfail:0\r\n" +
               "cluster_slots_fail:0\r\n" +
               $"cluster_known_nodes:{map.Nodes.Count}\r\n" +
               $"cluster_size:{map.ServingNodes}\r\n" +
               $"cluster_current_epoch:{map.CurrentEpoch}\r\n" +
               $"cluster_my_epoch:{ClusterMap.EpochOf(map.MyIndex)}\r\n" +
               "cluster_stats_messages_sent:0\r\n" +
               "cluster_stats_messages_received:0\r\n" +
               "total_cluster_links_buffer_limit_exceeded:0\r\n";
    }
}
