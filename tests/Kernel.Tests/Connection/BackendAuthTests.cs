using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>AUTH against an unreachable MySQL, default credentials, and the tenant no-match policies.</summary>
public class BackendAuthTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Unreachable_mysql_is_reported_as_backend_unavailable_not_wrongpass()
    {
        var closedPort = MariaDbServer.FreeTcpPort();
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_ADDR"] = $"127.0.0.1:{closedPort}",
        });
        using var client = new RawRespClient(proxy.Port);
        var reply = await client.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password);
        Assert.StartsWith("-ERR MySQL backend unavailable", reply);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Default_credentials_let_a_new_connection_work_without_auth()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_DEFAULT_USER"] = ProxyFixture.UserA,
            ["REDIS_MYSQL_DEFAULT_PASSWORD"] = ProxyFixture.Password,
        });
        using var client = new RawRespClient(proxy.Port);
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
        // A bare password is now the default user's.
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.Password));
        Assert.StartsWith("-WRONGPASS", await client.CommandAsync("AUTH", "nope"));
        // RESET signs the default user in again, as Redis does for a default user without password.
        Assert.Equal("+RESET\r\n", await client.CommandAsync("RESET"));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Wrong_default_credentials_leave_new_connections_unauthenticated()
    {
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_DEFAULT_USER"] = ProxyFixture.UserA,
            ["REDIS_MYSQL_DEFAULT_PASSWORD"] = "wrong",
        });
        using var client = new RawRespClient(proxy.Port);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("PING"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password));
    }

    [Fact]
    public async Task Reject_policy_refuses_a_user_name_without_tenant()
    {
        var user = PlainUser();
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_TENANT_NO_MATCH"] = "reject",
        });
        using var client = new RawRespClient(proxy.Port);
        var reply = await client.CommandAsync("AUTH", user, ProxyFixture.Password);
        Assert.StartsWith("-ERR ", reply);
        Assert.Contains("tenant", reply);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("PING"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password));
    }

    [Fact]
    public async Task Literal_policy_accepts_a_user_name_without_tenant()
    {
        var user = PlainUser();
        await using var proxy = await ProxyProcess.StartAsync(fixture.Database, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_TENANT_NO_MATCH"] = "literal:shared",
        });
        using var client = new RawRespClient(proxy.Port);
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", user, ProxyFixture.Password));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    /// <summary>A MySQL user whose name the default tenant regex does not match (no ':').</summary>
    private string PlainUser()
    {
        var user = "plain" + Guid.NewGuid().ToString("N")[..8];
        MariaDbServer.Shared.CreateUser(user, ProxyFixture.Password, fixture.Database);
        return user;
    }
}
