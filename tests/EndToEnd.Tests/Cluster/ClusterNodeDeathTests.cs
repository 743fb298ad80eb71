using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RedisOnMySql.EndToEnd.Tests.Cluster;

/// <summary>Its own three proxies, one of which the test kills.</summary>
public sealed class DisposableClusterFixture : ClusterFixture;

/// <summary>
/// kill -9 of one proxy: with the default heartbeat (5 s) it leaves every map within two heartbeats, and a cluster
/// client that was using it goes on working on the map of the other two, without a restart.
/// </summary>
public class ClusterNodeDeathTests(DisposableClusterFixture fixture, ITestOutputHelper output) : IClassFixture<DisposableClusterFixture>
{
    [Fact]
    public async Task A_killed_proxy_leaves_the_map_within_fifteen_seconds_and_clients_carry_on()
    {
        using var client = await Clients.ConnectAsync(fixture.Port, ProxyFixture.UserA, ProxyFixture.Password);
        var db = client.GetDatabase();
        var prefix = ProxyFixture.Key("death");
        for (int k = 0; k < 100; k++) await db.StringSetAsync($"{prefix}:{k}", k);
        Assert.Equal(3, client.GetServers().Length);

        // A client keeps writing from before the kill until 200 writes in a row went through after the map changed.
        bool mapChanged = false;
        int failed = 0, written = 100;
        var writer = Task.Run(async () =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            int consecutive = 0;
            while (!Volatile.Read(ref mapChanged) || consecutive < 200)
            {
                Assert.True(DateTime.UtcNow < deadline, $"60 s after the kill the client still fails ({failed} failed writes)");
                try
                {
                    await db.StringSetAsync($"{prefix}:{written}", written);
                    written++;
                    if (Volatile.Read(ref mapChanged)) consecutive++;
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
                {
                    consecutive = 0;
                    failed++;
                    await Task.Delay(100);
                }
            }
        });
        await Task.Delay(500);
        fixture.Proxies[2].Kill();
        var left = await Task.WhenAll(fixture.Proxies.Take(2).Select(p => ClusterNodes.WaitForAsync(p.Port, 2, TimeSpan.FromSeconds(15))));
        Volatile.Write(ref mapChanged, true);
        Assert.All(await Task.WhenAll(fixture.Proxies.Take(2).Select(p => ClusterNodes.ReadAsync(p.Port))),
            nodes => Assert.Equal(KeySlot.Count, nodes.SelectMany(n => n.Slots).Sum(r => r.To - r.From + 1)));
        await writer;

        // Every acknowledged write is there.
        for (int k = 0; k < written; k++) Assert.Equal(k, (int)await db.StringGetAsync($"{prefix}:{k}"));
        output.WriteLine($"the map left the killed proxy in {left.Max().TotalSeconds:0.0} s; {written - 100} writes went through " +
                         $"meanwhile and {failed} failed (connection errors), then 200 in a row after the change");
    }
}
