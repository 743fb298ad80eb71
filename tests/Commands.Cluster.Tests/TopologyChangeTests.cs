using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>The subcommands that change a Redis Cluster's topology by hand are refused: the map follows the live proxies.</summary>
public class TopologyChangeTests(ClusterFamilyFixture fixture) : IClassFixture<ClusterFamilyFixture>
{
    [Theory]
    [InlineData("ADDSLOTS", "1")]
    [InlineData("addslotsrange", "0", "16383")]
    [InlineData("DELSLOTS", "1")]
    [InlineData("DELSLOTSRANGE", "0", "1")]
    [InlineData("FLUSHSLOTS")]
    [InlineData("SETSLOT", "1", "STABLE")]
    [InlineData("MEET", "127.0.0.1", "7000")]
    [InlineData("FORGET", "abc")]
    [InlineData("REPLICATE", "abc")]
    [InlineData("FAILOVER")]
    [InlineData("RESET", "HARD")]
    [InlineData("SAVECONFIG")]
    [InlineData("BUMPEPOCH")]
    [InlineData("Set-Config-Epoch", "1")]
    public async Task A_topology_change_is_refused_and_changes_nothing(string subcommand, params string[] args)
    {
        using var client = await fixture.RawAsync();
        var nodes = await client.CommandAsync("CLUSTER", "NODES");
        Assert.Equal(
            Error($"ERR CLUSTER {subcommand.ToUpperInvariant()} is not supported: every live proxy is a master and slots are assigned automatically"),
            await client.CommandAsync(["CLUSTER", subcommand, .. args]));
        Assert.Equal(nodes, await client.CommandAsync("CLUSTER", "NODES"));
    }
}
