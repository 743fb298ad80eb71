using System.Text;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.TestInfrastructure;
using StackExchange.Redis;

namespace RedisOnMySql.EndToEnd.Tests.Cluster;

/// <summary>
/// Three proxies on one database are one cluster: every proxy answers the same map of three masters covering the
/// 16384 slots, and cluster clients connected to one proxy spread their commands over all three.
/// </summary>
public class ClusterOfProxiesTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const int Writes = 600;

    [Fact]
    public async Task Every_proxy_answers_one_map_of_three_masters_covering_every_slot()
    {
        var maps = await Task.WhenAll(fixture.Proxies.Select(p => ClusterNodes.ReadAsync(p.Port)));
        for (int i = 0; i < maps.Length; i++)
        {
            var nodes = maps[i];
            Assert.Equal(3, nodes.Count);
            Assert.All(nodes, n => Assert.Contains("master", n.Flags));
            var myself = Assert.Single(nodes, n => n.Flags.Contains("myself"));
            Assert.Equal(fixture.Proxies[i].Port, myself.Port);
            Assert.Equal(fixture.Proxies.Select(p => p.Port).Order(), nodes.Select(n => n.Port).Order());

            var covered = new int[KeySlot.Count];
            foreach (var (from, to) in nodes.SelectMany(n => n.Slots))
                for (int slot = from; slot <= to; slot++) covered[slot]++;
            Assert.All(covered, count => Assert.Equal(1, count));
            // An even split: 128 chunks of 128 slots, 43 + 43 + 42.
            Assert.All(nodes, n => Assert.InRange(n.Slots.Sum(r => r.To - r.From + 1), 42 * 128, 43 * 128));
        }
        string Normalized(IReadOnlyList<ClusterNode> nodes) =>
            string.Join("|", nodes.OrderBy(n => n.Id).Select(n => $"{n.Id} {n.Address} {string.Join(",", n.Slots)}"));
        Assert.Single(maps.Select(Normalized).Distinct());
    }

    [Fact]
    public async Task StackExchange_Redis_connected_to_one_proxy_spreads_its_commands_over_all_three()
    {
        using var client = await Clients.ConnectAsync(fixture.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal(3, client.GetServers().Length);
        Assert.All(client.GetServers(), s => Assert.Equal(ServerType.Cluster, s.ServerType));
        var before = await ProxyCommandCounts.ProcessedAsync(fixture.Proxies);

        var db = client.GetDatabase();
        var prefix = ProxyFixture.Key("se");
        await Task.WhenAll(Enumerable.Range(0, Writes).Select(i => db.StringSetAsync($"{prefix}:{i}", i)));

        var after = await ProxyCommandCounts.ProcessedAsync(fixture.Proxies);
        // Each proxy ran its share of the SETs (43, 43 and 42 of 128 slot chunks), plus what the client asks to keep its
        // map (CLUSTER NODES, PING): nothing went through one proxy only.
        var spread = ProxyCommandCounts.Between(before, after);
        Assert.InRange(spread.Sum(), Writes, Writes + 100);
        Assert.All(spread, n => Assert.InRange(n, Writes / 5, Writes / 2));
        for (int i = 0; i < Writes; i += 37) Assert.Equal(i, (int)await db.StringGetAsync($"{prefix}:{i}"));
    }

    [Fact]
    public async Task Redis_py_RedisCluster_connected_to_one_proxy_spreads_its_commands_over_all_three()
    {
        var before = await ProxyCommandCounts.ProcessedAsync(fixture.Proxies);
        var prefix = ProxyFixture.Key("py");
        var script = $$"""
            from redis.cluster import RedisCluster
            rc = RedisCluster(host="127.0.0.1", port={{fixture.Port}}, username="{{ProxyFixture.UserA}}", password="{{ProxyFixture.Password}}")
            print("nodes", len(rc.get_nodes()))
            for i in range({{Writes}}):
                rc.set(f"{{prefix}}:{i}", i)
            print("read", sum(int(rc.get(f"{{prefix}}:{i}")) for i in range({{Writes}})))
            """;
        var result = await ProcessRunner.RunAsync(ProcessRunner.FindExecutable("/usr/bin/python3", "python3"), ["-c", script],
            TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Contains("nodes 3", result.StdOut);
        Assert.Contains($"read {Enumerable.Range(0, Writes).Sum()}", result.StdOut);

        var after = await ProxyCommandCounts.ProcessedAsync(fixture.Proxies);
        // Each proxy ran its share of the SETs (43, 43 and 42 of 128 slot chunks), plus what the client asks to keep its
        // map (CLUSTER NODES, PING): nothing went through one proxy only.
        // Its SETs and GETs, plus what it asks to learn the map (CLUSTER SLOTS, COMMAND) and to sign in on each proxy.
        var spread = ProxyCommandCounts.Between(before, after);
        Assert.InRange(spread.Sum(), 2 * Writes, 2 * Writes + 100);
        Assert.All(spread, n => Assert.InRange(n, 2 * Writes / 5, Writes));
    }

    [Fact]
    public async Task Redis_cli_in_cluster_mode_follows_the_map_and_checks_it_whole()
    {
        var auth = RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password);
        var key = ProxyFixture.Key("cli");
        Assert.Contains("OK", await RedisCli.RunAsync(fixture.Proxies[1].Port, [.. auth, "-c", "SET", key, "through-cli"]));
        Assert.Contains("\"through-cli\"", await RedisCli.RunAsync(fixture.Proxies[2].Port, [.. auth, "-c", "GET", key]));

        var check = await RedisCli.RunAsync(fixture.Port, [.. auth, "--cluster", "check", $"127.0.0.1:{fixture.Port}"]);
        Assert.Contains("[OK] All 16384 slots covered.", check);
        Assert.Contains("3 masters", check);
    }

    [Fact]
    public async Task Keys_of_a_slot_are_counted_and_listed_per_tenant_and_database()
    {
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        var tag = "{" + Guid.NewGuid().ToString("N") + "}";
        int slot = KeySlot.Of(Encoding.UTF8.GetBytes(tag));
        foreach (var name in new[] { "x", "y", "z" }) await a.CommandAsync("SET", tag + name, "1");
        await a.CommandAsync("HSET", tag + "h", "f", "v");
        await b.CommandAsync("SET", tag + "other-tenant", "1");
        await a.CommandAsync("SELECT", "2");
        await a.CommandAsync("SET", tag + "other-db", "1");
        await a.CommandAsync("SELECT", "0");

        Assert.Equal(":4\r\n", await a.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", slot.ToString()));
        Assert.Equal(":1\r\n", await b.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", slot.ToString()));
        var keys = await a.CommandAsync("CLUSTER", "GETKEYSINSLOT", slot.ToString(), "10");
        Assert.StartsWith("*4\r\n", keys);
        foreach (var name in new[] { "x", "y", "z", "h" }) Assert.Contains(tag + name, keys);
        Assert.StartsWith("*2\r\n", await a.CommandAsync("CLUSTER", "GETKEYSINSLOT", slot.ToString(), "2"));
    }
}
