using MySqlConnector;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.TestInfrastructure;
using Xunit;

namespace RedisOnMySql.Kernel.Tests.Configuration;

/// <summary>mysql_addr as one address or a failover list, and a proxy that keeps serving when the list's first host is down.</summary>
public sealed class MysqlServersTests
{
    [Fact]
    public void One_address_or_a_list_with_one_port()
    {
        Assert.Equal(["db"], MysqlServers.Parse("db:3307").Hosts);
        var list = MysqlServers.Parse("10.0.0.1:3306, 10.0.0.2:3306,[::1]:3306");
        Assert.Equal(["10.0.0.1", "10.0.0.2", "::1"], list.Hosts);
        Assert.Equal(3306, list.Port);

        var builder = new MySqlConnectionStringBuilder();
        list.ApplyTo(builder);
        Assert.Equal("10.0.0.1,10.0.0.2,::1", builder.Server);
        Assert.Equal(3306u, builder.Port);
        Assert.Equal(MySqlLoadBalance.FailOver, builder.LoadBalance);
    }

    [Theory]
    [InlineData("a:3306,b:3307")]
    [InlineData("a:3306,")]
    [InlineData("a:0")]
    [InlineData("a")]
    [InlineData("")]
    public void Refuses_mixed_ports_and_malformed_entries(string text) => Assert.False(MysqlServers.TryParse(text, out _, out _));

    [Fact]
    public void A_list_with_mixed_ports_says_why()
    {
        Assert.False(MysqlServers.TryParse("a:3306,b:3307", out _, out var error));
        Assert.Contains("same port", error);
    }

    [Fact]
    public async Task A_proxy_whose_first_host_is_down_serves_through_the_next()
    {
        var server = MariaDbServer.Shared;
        var database = server.CreateDatabase();
        server.CreateUser(ProxyFixture.UserA, ProxyFixture.Password, database);
        // MariaDB listens on 127.0.0.1 only, so 127.0.0.2 on the same port refuses every connection.
        await using var proxy = await ProxyProcess.StartAsync(database,
            new Dictionary<string, string> { ["REDIS_MYSQL_ADDR"] = $"127.0.0.2:{server.Port},127.0.0.1:{server.Port}" });
        using var client = await RawRespClient.ConnectAuthenticatedAsync(proxy.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", "k", "v"));
        Assert.Equal("$1\r\nv\r\n", await client.CommandAsync("GET", "k"));
    }
}
