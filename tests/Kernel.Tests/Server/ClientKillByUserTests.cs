using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>Its own proxy, so no connection of another test can be counted by the tenant-wide filter.</summary>
public class ClientKillByUserTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task Kill_by_user_and_laddr_counts_matching_connections_of_the_tenant()
    {
        using var caller = await fixture.RawAsync(ProxyFixture.UserB);
        var others = new[] { await fixture.RawAsync(ProxyFixture.UserB), await fixture.RawAsync(ProxyFixture.UserB) };
        using var tenantA = await fixture.RawAsync(ProxyFixture.UserA);

        Assert.Equal(":2\r\n", await caller.CommandAsync("CLIENT", "KILL", "USER", ProxyFixture.UserB, "LADDR", $"127.0.0.1:{fixture.Port}"));
        foreach (var other in others)
        {
            Assert.True(await other.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
            other.Dispose();
        }
        Assert.Equal("+PONG\r\n", await tenantA.CommandAsync("PING"));
        Assert.Equal("+PONG\r\n", await caller.CommandAsync("PING"));
    }
}
