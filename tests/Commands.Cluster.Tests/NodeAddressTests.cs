using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>The address a node announces, and its id: the SHA-1 of that address, the same after a restart.</summary>
public class NodeAddressTests
{
    private static string Machine() => "10.1.2.3";

    [Fact]
    public void The_bind_address_is_announced_when_it_names_a_host()
    {
        var address = NodeAddress.Resolve(new ClusterOptions(), "127.0.0.1:6380", Machine);
        Assert.Equal(new NodeAddress("127.0.0.1", 6380), address);
        // python3 -c 'import hashlib; print(hashlib.sha1(b"127.0.0.1:6380").hexdigest())'
        Assert.Equal("4fd87effa2b6377f0e50b7fb24880018da7037e4", address.Id);
    }

    [Theory]
    [InlineData("0.0.0.0:7000")]
    [InlineData("[::]:7000")]
    public void A_wildcard_bind_announces_the_machine_address(string bind)
    {
        var address = NodeAddress.Resolve(new ClusterOptions(), bind, Machine);
        Assert.Equal(new NodeAddress("10.1.2.3", 7000), address);
        Assert.Equal("495595073750c4830c57c16bd911b290e22bc00f", address.Id);
    }

    [Fact]
    public void Announce_host_and_port_win_over_the_bind_address()
    {
        var cluster = new ClusterOptions { AnnounceHost = "proxy-1.example", AnnouncePort = 16000 };
        Assert.Equal(new NodeAddress("proxy-1.example", 16000), NodeAddress.Resolve(cluster, "0.0.0.0:6380", Machine));
        Assert.Equal(new NodeAddress("127.0.0.1", 16000),
            NodeAddress.Resolve(new ClusterOptions { AnnouncePort = 16000 }, "127.0.0.1:6380", Machine));
        Assert.Equal(new NodeAddress("proxy-1.example", 6380),
            NodeAddress.Resolve(new ClusterOptions { AnnounceHost = "proxy-1.example" }, "127.0.0.1:6380", Machine));
    }

    [Fact]
    public void Another_address_is_another_node() =>
        Assert.NotEqual(new NodeAddress("127.0.0.1", 6380).Id, new NodeAddress("127.0.0.1", 6381).Id);
}
