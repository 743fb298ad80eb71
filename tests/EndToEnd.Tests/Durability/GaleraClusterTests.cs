using MySqlConnector;
using RedisOnMySql.TestInfrastructure;
using Xunit;

namespace RedisOnMySql.EndToEnd.Tests.Durability;

/// <summary>
/// Proxies on a 3-node MariaDB Galera cluster started by scripts/galera.sh (node N on 127.0.0.N:3406): writes through
/// proxies attached to different nodes, cross-node wake-ups and messages, and a node killed under a proxy that was
/// given every node's address. The proxies run as a cluster (the cluster family on), which a redis-py cluster client uses.
/// </summary>
public sealed class GaleraClusterTests : IAsyncLifetime
{
    private const string Password = "galera";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "rom-galera-test-" + Guid.NewGuid().ToString("N")[..8]);
    private static string Script => Path.Combine(RepoPaths.RepoRoot, "scripts", "galera.sh");

    private static string Addresses(int first) =>
        string.Join(',', new[] { first }.Concat(new[] { 1, 2, 3 }.Where(n => n != first)).Select(n => $"127.0.0.{n}:3406"));

    public async Task InitializeAsync()
    {
        var started = await ProcessRunner.RunAsync("bash", [Script, "start", _dir], TimeSpan.FromMinutes(5));
        Assert.True(started.ExitCode == 0, started.Combined);
        var (exitCode, output) = await ProxyProcess.RunToExitAsync(["migrate", "--user", "root", "--password", Password],
            new Dictionary<string, string> { ["REDIS_MYSQL_ADDR"] = Addresses(1), ["REDIS_MYSQL_DATABASE"] = "redis" }, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, output);
        await using var root = new MySqlConnection($"Server=127.0.0.1;Port=3406;User ID=root;Password={Password}");
        await root.OpenAsync();
        await using var create = new MySqlCommand(
            $"CREATE USER '{ProxyFixture.UserA}'@'%' IDENTIFIED BY '{ProxyFixture.Password}'; GRANT ALL ON redis.* TO '{ProxyFixture.UserA}'@'%'", root);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await ProcessRunner.RunAsync("bash", [Script, "stop", _dir], TimeSpan.FromMinutes(2));

    /// <summary>A proxy attached first to a node, failing over to the others, and a node of the proxies' cluster.</summary>
    private static Task<ProxyProcess> ProxyOnNodeAsync(int node) =>
        ProxyProcess.StartAsync("redis", new Dictionary<string, string>
        {
            ["REDIS_MYSQL_ADDR"] = Addresses(node),
            ["REDIS_MYSQL_FAMILIES_ENABLED"] = "cluster",
            ["REDIS_MYSQL_PROXY_USER"] = ProxyFixture.UserA,
            ["REDIS_MYSQL_PROXY_PASSWORD"] = ProxyFixture.Password,
        });

    [Fact]
    public async Task Proxies_on_different_nodes_count_exactly_wake_each_other_and_survive_a_node()
    {
        await using var onNode2 = await ProxyOnNodeAsync(2);
        await using var onNode3 = await ProxyOnNodeAsync(3);
        var ports = new[] { onNode2.Port, onNode3.Port };

        // Certification conflicts between the nodes come back as deadlocks, which the kernel retries.
        async Task Client(int i)
        {
            using var client = await RawRespClient.ConnectAuthenticatedAsync(ports[i % 2], ProxyFixture.UserA, ProxyFixture.Password);
            for (int n = 0; n < 200; n++)
                Assert.StartsWith(":", await client.CommandAsync("INCR", "counter"));
        }
        await Task.WhenAll(Enumerable.Range(0, 50).Select(Client));
        using var a = await RawRespClient.ConnectAuthenticatedAsync(onNode2.Port, ProxyFixture.UserA, ProxyFixture.Password);
        using var b = await RawRespClient.ConnectAuthenticatedAsync(onNode3.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("$5\r\n10000\r\n", await a.CommandAsync("GET", "counter"));

        // wsrep_sync_wait: a read on one node sees what was acknowledged through the other.
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal("+OK\r\n", await a.CommandAsync("SET", "fresh", i.ToString()));
            Assert.Equal($"${i.ToString().Length}\r\n{i}\r\n", await b.CommandAsync("GET", "fresh"));
        }

        a.Send(RawRespClient.Command("BLPOP", "queue", "10"));
        await Task.Delay(300);
        Assert.Equal(":1\r\n", await b.CommandAsync("RPUSH", "queue", "job"));
        Assert.Equal("*2\r\n$5\r\nqueue\r\n$3\r\njob\r\n", await a.ReadReplyAsync());

        // The proxies are a cluster too: a cluster client connected to one of them writes through both, on two nodes.
        await Cluster.ClusterNodes.WaitForAsync(onNode2.Port, 2, TimeSpan.FromSeconds(30));
        var before = await Cluster.ProxyCommandCounts.ProcessedAsync([onNode2, onNode3]);
        var script = $$"""
            from redis.cluster import RedisCluster
            rc = RedisCluster(host="127.0.0.1", port={{onNode3.Port}}, username="{{ProxyFixture.UserA}}", password="{{ProxyFixture.Password}}")
            for i in range(300):
                rc.set(f"cluster:{i}", i)
            print("read", sum(int(rc.get(f"cluster:{i}")) for i in range(300)))
            """;
        var run = await ProcessRunner.RunAsync(ProcessRunner.FindExecutable("/usr/bin/python3", "python3"), ["-c", script], TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Combined);
        Assert.Contains($"read {Enumerable.Range(0, 300).Sum()}", run.StdOut);
        Assert.All(Cluster.ProxyCommandCounts.Between(before, await Cluster.ProxyCommandCounts.ProcessedAsync([onNode2, onNode3])),
            n => Assert.InRange(n, 150, 600));

        using var subscriber = await RawRespClient.ConnectAuthenticatedAsync(onNode2.Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Contains("subscribe", await subscriber.CommandAsync("SUBSCRIBE", "news"));
        Assert.Equal(":1\r\n", await b.CommandAsync("PUBLISH", "news", "hello"));
        Assert.Equal("*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n", await subscriber.ReadReplyAsync());

        // kill -9 of node 2 under its proxy: a command on a pooled connection to it may fail once, then node 1 serves.
        var killed = await ProcessRunner.RunAsync("bash", [Script, "stop-node", _dir, "2"], TimeSpan.FromMinutes(1));
        Assert.True(killed.ExitCode == 0, killed.Combined);
        var acknowledged = new List<string>();
        int failures = 0;
        for (int i = 0; i < 20; i++)
        {
            var reply = await a.CommandAsync("SET", $"after:{i}", "v");
            if (reply == "+OK\r\n") acknowledged.Add($"after:{i}");
            else failures++;
        }
        Assert.True(failures <= 2, $"{failures} of 20 SETs failed after the node died");
        foreach (var key in acknowledged) Assert.Equal("$1\r\nv\r\n", await b.CommandAsync("GET", key));
    }
}
