using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>What StackExchange.Redis and redis-cli ask on connect and through their server APIs.</summary>
public class ServerClientCompatibilityTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task StackExchange_redis_reads_info_config_time_and_client_list()
    {
        await using var redis = await fixture.ConnectAsync();
        var server = redis.GetServer("127.0.0.1", fixture.Port);

        Assert.Equal(new Version(7, 0, 0), server.Version);
        Assert.Equal(ServerType.Standalone, server.ServerType);
        var info = await server.InfoAsync();
        Assert.Contains(info, g => g.Key == "Server" && g.Any(p => p.Key == "redis_version" && p.Value == "7.0.0"));
        Assert.Contains(info, g => g.Key == "Clients");
        var keyspace = await server.InfoAsync("keyspace");
        Assert.All(keyspace, g => Assert.Equal("Keyspace", g.Key));

        var config = await server.ConfigGetAsync("databases");
        Assert.Equal("16", Assert.Single(config).Value);
        Assert.Contains(await server.ConfigGetAsync("*"), p => p.Key == "maxmemory-policy" && p.Value == "noeviction");

        var time = await server.TimeAsync();
        Assert.InRange(time, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));

        var clients = await server.ClientListAsync();
        var me = Assert.Single(clients, c => c.Name == "redis-on-mysql-tests" && c.LibraryName != null);
        Assert.Equal(0, me.Database);
        Assert.Equal(ClientType.Normal, me.ClientType);
        Assert.True(me.Id > 0);

        Assert.True(await server.CommandCountAsync() > 5);
        var noKeys = await Assert.ThrowsAsync<RedisServerException>(() => server.CommandGetKeysAsync(["echo", "x"]));
        Assert.Equal("ERR The command has no key arguments", noKeys.Message);
    }

    [Fact]
    public async Task Redis_cli_info_config_and_client_commands()
    {
        var auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        var info = await RedisCli.RunAsync(fixture.Port, [.. auth, "INFO"]);
        Assert.Contains("# Server", info);
        Assert.Contains("redis_version:7.0.0", info);
        Assert.Contains("# Keyspace", info);

        var config = await RedisCli.RunAsync(fixture.Port, [.. auth, "CONFIG", "GET", "databases"]);
        Assert.Equal("1) \"databases\"\n2) \"16\"\n", config);

        var list = await RedisCli.RunRawAsync(fixture.Port, [.. auth, "CLIENT", "LIST"]);
        Assert.Contains("user=tenantA:alice", list);
        Assert.Contains("cmd=client|list", list);

        var time = await RedisCli.RunAsync(fixture.Port, [.. auth, "TIME"]);
        Assert.Matches("^1\\) \"\\d+\"\n2\\) \"\\d+\"\n$", time);
    }
}
