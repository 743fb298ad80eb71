using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// The node registry on a real database: the proxy's own row and its heartbeat, peers in the map while live, silent
/// rows forgotten after an hour, and the row deleted at a clean shutdown.
/// </summary>
public class NodeRegistryTests(ClusterFamilyFixture fixture) : IClassFixture<ClusterFamilyFixture>
{
    private const string DbNow = "CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)";

    private string MyId => new NodeAddress("127.0.0.1", fixture.Port).Id;

    [Fact]
    public async Task The_proxy_keeps_its_row_with_its_address_and_a_heartbeat_that_two_periods_keep_alive()
    {
        NodeRow? first = null;
        await ClusterFamilyFixture.EventuallyAsync(async () => (first = await fixture.NodeRowAsync(MyId)) != null, 10, "no row of the proxy");
        Assert.Equal(("127.0.0.1", fixture.Port, 2000L), (first!.Host, first.Port, first.AliveMs));
        await ClusterFamilyFixture.EventuallyAsync(async () => (await fixture.NodeRowAsync(MyId))!.HeartbeatAt > first.HeartbeatAt, 5,
            "the heartbeat was not renewed");
        Assert.Equal(first.StartedAt, (await fixture.NodeRowAsync(MyId))!.StartedAt);

        using var client = await fixture.RawAsync();
        Assert.Equal(Bulk(MyId), await client.CommandAsync("CLUSTER", "MYID"));
    }

    [Fact]
    public async Task Live_peers_are_masters_of_the_map_and_silent_ones_leave_it_then_the_registry()
    {
        // The live peer's id sorts first, so this node comes second in the map (epoch 1).
        string live = new('0', 40), silent = new('b', 40), forgotten = new('c', 40);
        await fixture.ExecuteAsync("INSERT INTO cluster_nodes VALUES " +
            $"('{live}', '10.9.9.9', 7000, 0, {DbNow} + 60000, 10000), " +
            $"('{silent}', '10.9.9.8', 7000, 0, {DbNow} - 20000, 10000), " +
            $"('{forgotten}', '10.9.9.7', 7000, 0, {DbNow} - 3700000, 10000)");
        try
        {
            using var client = await fixture.RawAsync();
            var nodes = Payload(await client.CommandAsync("CLUSTER", "NODES")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, nodes.Length);
            var peer = Assert.Single(nodes, l => l.StartsWith(live, StringComparison.Ordinal)).Split(' ');
            Assert.Equal(["10.9.9.9:7000@17000", "master", "-", "0"], peer[1..5]);
            Assert.True(long.Parse(peer[5]) > DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "the peer's pong is its heartbeat");
            Assert.Contains($"127.0.0.1:{fixture.Port}@{fixture.Port + 10000} myself,master - 0 0 1 connected ", nodes[1]);
            Assert.Equal(KeySlot.Count, nodes.SelectMany(l => l.Split(' ')[8..]).Sum(SlotCount));

            var info = Payload(await client.CommandAsync("CLUSTER", "INFO"));
            Assert.Contains("cluster_known_nodes:2\r\ncluster_size:2\r\ncluster_current_epoch:1\r\ncluster_my_epoch:1\r\n", info);
            Assert.StartsWith("*2\r\n", await client.CommandAsync("CLUSTER", "SHARDS"));

            Assert.Equal(EmptyArray, await client.CommandAsync("CLUSTER", "REPLICAS", live));
            Assert.Equal(EmptyArray, await client.CommandAsync("CLUSTER", "SLAVES", MyId));
            Assert.Equal(Int(0), await client.CommandAsync("CLUSTER", "COUNT-FAILURE-REPORTS", live));
            Assert.Equal(Error($"ERR Unknown node {silent}"), await client.CommandAsync("CLUSTER", "REPLICAS", silent));
            Assert.Equal(Error($"ERR Unknown node {silent}"), await client.CommandAsync("CLUSTER", "COUNT-FAILURE-REPORTS", silent));

            await ClusterFamilyFixture.EventuallyAsync(async () => await fixture.NodeRowAsync(forgotten) == null, 5,
                "a node silent for over an hour is still registered");
            Assert.NotNull(await fixture.NodeRowAsync(silent));
        }
        finally
        {
            await fixture.ExecuteAsync($"DELETE FROM cluster_nodes WHERE node_id IN ('{live}', '{silent}', '{forgotten}')");
        }
    }

    [Fact]
    public async Task A_proxy_stopped_cleanly_leaves_the_map_at_once()
    {
        await using var other = await ProxyProcess.StartAsync(fixture.Database, fixture.ClusterEnvironment);
        var otherId = new NodeAddress("127.0.0.1", other.Port).Id;
        await ClusterFamilyFixture.EventuallyAsync(async () => await fixture.NodeRowAsync(otherId) != null, 10, "the second proxy never registered");
        using var client = await fixture.RawAsync();
        Assert.Contains($"{otherId} 127.0.0.1:{other.Port}@", await client.CommandAsync("CLUSTER", "NODES"));

        Assert.True(await other.TerminateAsync(TimeSpan.FromSeconds(15)), "the second proxy did not stop");
        Assert.Null(await fixture.NodeRowAsync(otherId));
        Assert.DoesNotContain(otherId, await client.CommandAsync("CLUSTER", "NODES"));
    }

    /// <summary>The text of a bulk reply.</summary>
    private static string Payload(string bulk) => bulk[(bulk.IndexOf("\r\n", StringComparison.Ordinal) + 2)..^2];

    private static int SlotCount(string range) =>
        range.Split('-') is [var from, var to] ? int.Parse(to) - int.Parse(from) + 1 : 1;
}
