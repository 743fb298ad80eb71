namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>With the family on, the server says it is a cluster node wherever Redis says so.</summary>
public class ClusterModeReportTests(ClusterFamilyFixture fixture) : IClassFixture<ClusterFamilyFixture>
{
    [Fact]
    public async Task Info_hello_and_config_say_cluster()
    {
        using var client = await fixture.RawAsync();
        Assert.Contains("\r\nredis_mode:cluster\r\n", await client.CommandAsync("INFO", "server"));
        Assert.Contains("\r\ncluster_enabled:1\r\n", await client.CommandAsync("INFO", "cluster"));
        Assert.Contains("$4\r\nmode\r\n$7\r\ncluster\r\n", await client.CommandAsync("HELLO", "2"));
        Assert.Equal("*2\r\n$15\r\ncluster-enabled\r\n$3\r\nyes\r\n", await client.CommandAsync("CONFIG", "GET", "cluster-enabled"));
    }
}
