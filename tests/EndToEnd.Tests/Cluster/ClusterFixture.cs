using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Cluster;

/// <summary>
/// Three proxies with the cluster family on, serving one database. Each registers as a node at start, on its own
/// credentials (auth.proxy_user), so the map holds all three before any client has signed in to two of them.
/// </summary>
public class ClusterFixture : ProxyFixture
{
    private readonly List<ProxyProcess> _others = [];

    /// <summary>Seconds between a node's heartbeats; the default (5 s) unless a subclass shortens it.</summary>
    protected virtual int HeartbeatSecs => 5;

    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_ENABLED"] = "cluster",
        ["REDIS_MYSQL_PROXY_USER"] = UserA,
        ["REDIS_MYSQL_PROXY_PASSWORD"] = Password,
        ["REDIS_MYSQL_CLUSTER_HEARTBEAT_SECS"] = HeartbeatSecs.ToString(),
    };

    /// <summary>Every proxy started, the fixture's own first.</summary>
    public IReadOnlyList<ProxyProcess> Proxies => [Proxy, .. _others];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        for (int i = 0; i < 2; i++) _others.Add(await ProxyProcess.StartAsync(Database, Environment));
        await ClusterNodes.WaitForAsync(Proxy.Port, 3, TimeSpan.FromSeconds(30));
    }

    public override async Task DisposeAsync()
    {
        foreach (var proxy in _others) await proxy.DisposeAsync();
        await base.DisposeAsync();
    }
}
