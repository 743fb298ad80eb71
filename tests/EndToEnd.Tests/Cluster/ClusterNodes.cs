using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Cluster;

/// <summary>One line of CLUSTER NODES: the node's id, address, flags and the slot ranges it serves.</summary>
public sealed record ClusterNode(string Id, string Address, IReadOnlyList<string> Flags, IReadOnlyList<(int From, int To)> Slots)
{
    public int Port => int.Parse(Address[(Address.LastIndexOf(':') + 1)..Address.IndexOf('@')]);
}

/// <summary>Reads the map a proxy answers (CLUSTER NODES), as a cluster client would.</summary>
public static class ClusterNodes
{
    public static async Task<IReadOnlyList<ClusterNode>> ReadAsync(int port)
    {
        using var raw = await RawRespClient.ConnectAuthenticatedAsync(port, ProxyFixture.UserA, ProxyFixture.Password);
        var reply = await raw.CommandAsync("CLUSTER", "NODES");
        Assert.StartsWith("$", reply);
        var text = reply[(reply.IndexOf("\r\n", StringComparison.Ordinal) + 2)..^2];
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
    }

    /// <summary>Polls until the proxy's map holds <paramref name="count"/> nodes; returns how long that took.</summary>
    public static async Task<TimeSpan> WaitForAsync(int port, int count, TimeSpan timeout)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var nodes = await ReadAsync(port);
            if (nodes.Count == count) return DateTime.UtcNow - started;
            Assert.True(DateTime.UtcNow - started < timeout,
                $"after {timeout.TotalSeconds:0} s the map of 127.0.0.1:{port} holds {nodes.Count} nodes, not {count}");
            await Task.Delay(100);
        }
    }

    private static ClusterNode Parse(string line)
    {
        var fields = line.Split(' ');
        var slots = fields.Skip(8).Select(range =>
        {
            var dash = range.IndexOf('-');
            return dash < 0 ? (int.Parse(range), int.Parse(range)) : (int.Parse(range[..dash]), int.Parse(range[(dash + 1)..]));
        }).ToList();
        return new ClusterNode(fields[0], fields[1], fields[2].Split(','), slots);
    }
}
