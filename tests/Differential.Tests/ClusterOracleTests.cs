using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// The cluster family's cases (cases/cluster.redis) on a cluster-mode redis-server, a lone node serving every slot,
/// and on a lone proxy with the cluster family on, which serves every slot too.
/// </summary>
public sealed class ClusterOracleTests(ClusterProxyFixture fixture) : IClassFixture<ClusterProxyFixture>
{
    public static TheoryData<string, string> Cases() => CaseLibrary.Cases(clusterMode: true);

    [CaseTheory]
    [MemberData(nameof(Cases))]
    public Task Proxy_in_cluster_mode_replies_like_redis(string family, string name) =>
        OracleRun.RunAsync(CaseLibrary.Find(family, name), RedisServer.SharedCluster, fixture);
}
