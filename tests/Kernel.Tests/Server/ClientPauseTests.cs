using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>CLIENT PAUSE holds the tenant's commands on this proxy until it ends; other tenants go on.</summary>
public sealed class ClientPauseTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [Fact]
    public async Task A_write_pause_holds_writes_until_unpause_and_lets_reads_and_other_tenants_through()
    {
        var k = ProxyFixture.Key();
        using var admin = await fixture.RawAsync();
        using var writer = await fixture.RawAsync();
        using var reader = await fixture.RawAsync();
        using var otherTenant = await fixture.RawAsync(ProxyFixture.UserB);
        await writer.CommandAsync("SET", k, "before");
        Assert.Equal("+OK\r\n", await admin.CommandAsync("CLIENT", "PAUSE", "100000", "WRITE"));
        try
        {
            writer.Send(RawRespClient.Command("SET", k, "after"));
            Assert.Equal(Bulk("before"), await reader.CommandAsync("GET", k));
            Assert.Equal("+OK\r\n", await otherTenant.CommandAsync("SET", k, "tenant B"));
            Assert.Empty(await writer.ReadAvailableAsync(TimeSpan.FromMilliseconds(300)));
            Assert.Equal(Bulk("before"), await reader.CommandAsync("GET", k));
        }
        finally
        {
            Assert.Equal("+OK\r\n", await admin.CommandAsync("CLIENT", "UNPAUSE"));
        }
        Assert.Equal("+OK\r\n", await writer.ReadReplyAsync());
        Assert.Equal(Bulk("after"), await reader.CommandAsync("GET", k));
    }

    [Fact]
    public async Task A_pause_of_all_commands_ends_by_itself_when_its_time_is_up()
    {
        var k = ProxyFixture.Key();
        using var admin = await fixture.RawAsync();
        using var reader = await fixture.RawAsync();
        await reader.CommandAsync("SET", k, "v");
        Assert.Equal("+OK\r\n", await admin.CommandAsync("CLIENT", "PAUSE", "500", "ALL"));
        reader.Send(RawRespClient.Command("GET", k));
        Assert.Empty(await reader.ReadAvailableAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(Bulk("v"), await reader.ReadReplyAsync(TimeSpan.FromSeconds(10)));
    }
}
