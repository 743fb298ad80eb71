using System.Text.RegularExpressions;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// A proxy that could not heartbeat yet (no credentials of its own, and no client before this one): the client's own
/// CLUSTER SLOTS writes the node into the registry, so the map it gets holds the node it talks to.
/// </summary>
public class FirstClientTests(NoHeartbeatClusterFixture fixture) : IClassFixture<NoHeartbeatClusterFixture>
{
    [Fact]
    public async Task The_first_client_finds_the_node_it_talks_to_serving_every_slot()
    {
        var myId = new NodeAddress("127.0.0.1", fixture.Port).Id;
        Assert.Null(await fixture.NodeRowAsync(myId));

        using var client = await fixture.RawAsync();
        Assert.Equal($"*1\r\n*3\r\n:0\r\n:16383\r\n*4\r\n$9\r\n127.0.0.1\r\n:{fixture.Port}\r\n$40\r\n{myId}\r\n*0\r\n",
            await client.CommandAsync("CLUSTER", "SLOTS"));
        var row = await fixture.NodeRowAsync(myId);
        Assert.NotNull(row);
        Assert.Equal(("127.0.0.1", fixture.Port, 7_200_000L), (row.Host, row.Port, row.AliveMs));
        Assert.Matches(new Regex("^\\$\\d+\r\ncluster_state:ok\r\n.*cluster_known_nodes:1\r\n", RegexOptions.Singleline),
            await client.CommandAsync("CLUSTER", "INFO"));
        Assert.Equal(Ok, await client.CommandAsync("READONLY"));
    }
}
