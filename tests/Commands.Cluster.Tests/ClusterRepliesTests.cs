using System.Buffers;
using System.Text;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// CLUSTER NODES, SLOTS, SHARDS and INFO rendered from a given map. A lone node's replies are redis-server 7.0.15's for
/// a lone node given every slot (its ip filled in, which Redis learns only from a peer); a map of three pins the
/// assignment itself, which proxies of two versions must agree on during a rolling upgrade.
/// </summary>
public class ClusterRepliesTests
{
    private static readonly NodeAddress Lone = new("127.0.0.1", 6380);
    /// <summary>Three nodes in the map's order, by id: 10.0.0.2 (03a1...), 10.0.0.3 (8405...), 10.0.0.1 (b6b6...).</summary>
    private static readonly ClusterNode[] Three = new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" }
        .Select((host, i) => new ClusterNode(new NodeAddress(host, 6380).Id, host, 6380, 1_700_000_000_001 + i))
        .OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();

    private static ClusterMap LoneMap() => new([new ClusterNode(Lone.Id, Lone.Host, Lone.Port, 0)], Lone.Id);

    private static string Reply(Action<RespWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(new RespWriter(output));
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    [Fact]
    public void A_lone_node_serves_every_slot_as_redis_describes_it()
    {
        var map = LoneMap();
        Assert.Equal("4fd87effa2b6377f0e50b7fb24880018da7037e4 127.0.0.1:6380@16380 myself,master - 0 0 0 connected 0-16383\n",
            ClusterNodesText.Render(map));
        Assert.Equal("*1\r\n*3\r\n:0\r\n:16383\r\n*4\r\n$9\r\n127.0.0.1\r\n:6380\r\n$40\r\n4fd87effa2b6377f0e50b7fb24880018da7037e4\r\n*0\r\n",
            Reply(w => ClusterSlotsReply.Write(w, map)));
        Assert.Equal("*1\r\n*4\r\n$5\r\nslots\r\n*2\r\n:0\r\n:16383\r\n$5\r\nnodes\r\n*1\r\n*14\r\n" +
                     "$2\r\nid\r\n$40\r\n4fd87effa2b6377f0e50b7fb24880018da7037e4\r\n$4\r\nport\r\n:6380\r\n" +
                     "$2\r\nip\r\n$9\r\n127.0.0.1\r\n$8\r\nendpoint\r\n$9\r\n127.0.0.1\r\n$4\r\nrole\r\n$6\r\nmaster\r\n" +
                     "$18\r\nreplication-offset\r\n:0\r\n$6\r\nhealth\r\n$6\r\nonline\r\n",
            Reply(w => ClusterShardsReply.Write(w, map)));
        Assert.Equal("cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\ncluster_slots_pfail:0\r\n" +
                     "cluster_slots_fail:0\r\ncluster_known_nodes:1\r\ncluster_size:1\r\ncluster_current_epoch:0\r\n" +
                     "cluster_my_epoch:0\r\ncluster_stats_messages_sent:0\r\ncluster_stats_messages_received:0\r\n" +
                     "total_cluster_links_buffer_limit_exceeded:0\r\n",
            ClusterInfoText.Render(map));
    }

    [Fact]
    public void Three_nodes_split_the_slots_as_every_version_must()
    {
        var map = new ClusterMap(Three.Reverse(), Three[0].Id);
        Assert.Equal(PinnedNodes, ClusterNodesText.Render(map));
    }

    [Fact]
    public void Every_slot_is_in_exactly_one_range_and_ranges_of_one_node_are_merged()
    {
        var map = new ClusterMap(Three, Three[0].Id);
        int next = 0;
        for (int i = 0; i < map.Ranges.Count; i++)
        {
            var (slots, node) = map.Ranges[i];
            Assert.Equal(next, slots.From);
            next = slots.To + 1;
            if (i > 0) Assert.NotEqual(map.Ranges[i - 1].Node, node);
        }
        Assert.Equal(KeySlot.Count, next);
        Assert.Equal(KeySlot.Count, map.AssignedSlots);
        Assert.Equal(3, map.ServingNodes);
    }

    [Fact]
    public void Nodes_lists_every_node_once_with_this_one_as_myself_and_a_peer_pong_as_its_heartbeat()
    {
        var map = new ClusterMap(Three, Three[2].Id);
        var lines = ClusterNodesText.Render(map).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
        Assert.Equal(Three.Select(n => n.Id), lines.Select(l => l[0]));
        Assert.Equal(["10.0.0.2:6380@16380", "10.0.0.3:6380@16380", "10.0.0.1:6380@16380"], lines.Select(l => l[1]));
        Assert.Equal(["master", "master", "myself,master"], lines.Select(l => l[2]));
        Assert.Equal(["1700000000002", "1700000000003", "0"], lines.Select(l => l[5]));
        Assert.Equal(["0", "1", "2"], lines.Select(l => l[6]));
        Assert.All(lines, l => Assert.Equal(["-", "0"], l[3..5]));
        Assert.All(lines, l => Assert.Equal("connected", l[7]));
    }

    [Fact]
    public void Slots_answers_each_range_with_its_node_and_shards_each_node_with_its_ranges()
    {
        var map = new ClusterMap(Three, Three[0].Id);
        var slots = new StringBuilder($"*{map.Ranges.Count}\r\n");
        foreach (var (range, node) in map.Ranges)
            slots.Append($"*3\r\n:{range.From}\r\n:{range.To}\r\n*4\r\n$8\r\n{Three[node].Host}\r\n:6380\r\n$40\r\n{Three[node].Id}\r\n*0\r\n");
        Assert.Equal(slots.ToString(), Reply(w => ClusterSlotsReply.Write(w, map)));

        var shards = Reply(w => ClusterShardsReply.Write(w, map));
        Assert.StartsWith("*3\r\n*4\r\n$5\r\nslots\r\n", shards);
        for (int node = 0; node < 3; node++)
        {
            var pairs = map.Ranges.Where(r => r.Node == node).ToList();
            var expected = $"*{2 * pairs.Count}\r\n" + string.Concat(pairs.Select(r => $":{r.Slots.From}\r\n:{r.Slots.To}\r\n")) +
                           $"$5\r\nnodes\r\n*1\r\n*14\r\n$2\r\nid\r\n$40\r\n{Three[node].Id}\r\n";
            Assert.Contains(expected, shards);
        }
    }

    [Fact]
    public void Info_counts_the_live_nodes_and_gives_this_node_its_epoch()
    {
        var info = ClusterInfoText.Render(new ClusterMap(Three, Three[1].Id));
        Assert.Contains("\r\ncluster_known_nodes:3\r\ncluster_size:3\r\ncluster_current_epoch:2\r\ncluster_my_epoch:1\r\n", info);
        Assert.StartsWith("cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n", info);
    }

    [Fact]
    public void A_map_must_hold_the_node_that_answers_it() =>
        Assert.Throws<ArgumentException>(() => new ClusterMap(Three, Lone.Id));

    [Fact]
    public void Node_ids_are_found_by_their_exact_bytes()
    {
        var map = new ClusterMap(Three, Three[0].Id);
        Assert.True(map.Holds(Encoding.ASCII.GetBytes(Three[2].Id)));
        Assert.False(map.Holds(Encoding.ASCII.GetBytes(Three[2].Id.ToUpperInvariant())));
        Assert.False(map.Holds(Encoding.ASCII.GetBytes(Three[2].Id[..39])));
    }

    /// <summary>Computed by an independent Python implementation of the same assignment (SHA-1 scores, greedy by score).</summary>
    private const string PinnedNodes =
        "03a1ef786018485adb3b80b6a11e1d66e9013562 10.0.0.2:6380@16380 myself,master - 0 0 0 connected" +
        " 128-255 640-767 896-1023 1536-1663 1920-2047 2560-2687 2816-2943 3200-3327 3968-4351 4736-4991 5376-5631 5888-6015" +
        " 6272-6527 6784-6911 7680-7807 8320-8831 8960-9087 9216-9343 9728-9855 10240-10367 11008-11135 11264-11391 11520-11647 11904-12031" +
        " 13312-13567 13952-14079 14208-14335 14464-14591 15104-15359 15488-15871 16128-16255\n" +
        "8405514455e8531ae1fe05fa3644d3ae01c3c461 10.0.0.3:6380@16380 master - 0 1700000000003 1 connected" +
        " 0-127 384-511 768-895 1152-1279 1408-1535 1664-1919 2048-2175 2304-2559 3072-3199 3328-3455 3712-3839 4992-5247" +
        " 5632-5887 6016-6143 6528-6655 6912-7551 8192-8319 9472-9727 9856-10239 10624-10751 10880-11007 11776-11903 12032-12159 12928-13055" +
        " 13184-13311 13696-13951 14080-14207 14336-14463 14592-14719 15872-16127\n" +
        "b6b63b5c1521e1e45157486c6b2a6bb0c6928454 10.0.0.1:6380@16380 master - 0 1700000000001 2 connected" +
        " 256-383 512-639 1024-1151 1280-1407 2176-2303 2688-2815 2944-3071 3456-3711 3840-3967 4352-4735 5248-5375 6144-6271" +
        " 6656-6783 7552-7679 7808-8191 8832-8959 9088-9215 9344-9471 10368-10623 10752-10879 11136-11263 11392-11519 11648-11775 12160-12927" +
        " 13056-13183 13568-13695 14720-15103 15360-15487 16256-16383\n";
}
