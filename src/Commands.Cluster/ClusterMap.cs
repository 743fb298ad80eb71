namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// The cluster as this proxy answers it: the live nodes in id order, every one a master, the slot ranges each serves,
/// and which of them this proxy is. Built for each CLUSTER NODES, SLOTS, SHARDS or INFO from one read of the registry.
/// </summary>
internal sealed class ClusterMap
{
    /// <summary>The last assignment computed, by its node ids: the live set rarely changes between two calls.</summary>
    private static Assignment? s_lastAssignment;

    public ClusterMap(IEnumerable<ClusterNode> liveNodes, string myId)
    {
        var nodes = liveNodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        Nodes = nodes;
        MyIndex = nodes.FindIndex(n => n.Id == myId);
        if (MyIndex < 0) throw new ArgumentException($"the map must hold this node ({myId})", nameof(liveNodes));
        Ranges = MergeChunks(OwnersOf(Nodes));
    }

    /// <summary>Every live node, ordered by id.</summary>
    public IReadOnlyList<ClusterNode> Nodes { get; }

    /// <summary>This proxy's place in <see cref="Nodes"/>.</summary>
    public int MyIndex { get; }

    /// <summary>The slots in order, as ranges of consecutive slots that one node (an index into <see cref="Nodes"/>) serves.</summary>
    public IReadOnlyList<(SlotRange Slots, int Node)> Ranges { get; }

    public int AssignedSlots => Ranges.Sum(r => r.Slots.Count);

    /// <summary>Masters serving at least one slot: Redis's cluster_size.</summary>
    public int ServingNodes => Ranges.Select(r => r.Node).Distinct().Count();

    public IEnumerable<SlotRange> RangesOf(int node) => Ranges.Where(r => r.Node == node).Select(r => r.Slots);

    /// <summary>
    /// A node's config epoch. Redis gives every master a distinct one; here it is the node's place in id order, from 0 as
    /// on a lone Redis node given all slots, and the current epoch is the highest.
    /// </summary>
    public static int EpochOf(int node) => node;

    public int CurrentEpoch => EpochOf(Nodes.Count - 1);

    public bool Holds(ReadOnlySpan<byte> nodeId)
    {
        foreach (var node in Nodes)
            if (System.Text.Ascii.Equals(nodeId, node.Id)) return true;
        return false;
    }

    private static int[] OwnersOf(IReadOnlyList<ClusterNode> nodes)
    {
        var ids = string.Join(' ', nodes.Select(n => n.Id));
        if (s_lastAssignment is { } last && last.Ids == ids) return last.Owners;
        var owners = SlotAssignment.Assign(nodes.Select(n => n.Id).ToList());
        s_lastAssignment = new Assignment(ids, owners);
        return owners;
    }

    private sealed record Assignment(string Ids, int[] Owners);

    private static List<(SlotRange Slots, int Node)> MergeChunks(int[] owners)
    {
        var ranges = new List<(SlotRange Slots, int Node)>();
        for (int chunk = 0; chunk < owners.Length; chunk++)
        {
            if (owners[chunk] < 0) continue;
            var slots = SlotAssignment.SlotsOf(chunk);
            if (ranges.Count > 0 && ranges[^1].Node == owners[chunk] && ranges[^1].Slots.To + 1 == slots.From)
                ranges[^1] = (ranges[^1].Slots with { To = slots.To }, owners[chunk]);
            else
                ranges.Add((slots, owners[chunk]));
        }
        return ranges;
    }
}
