using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// Redis is the oracle: every case of cases/*.redis but the cluster family's runs on a throwaway redis-server and on
/// the proxy, and each command's raw replies must match (byte for byte unless the line says otherwise).
/// </summary>
public sealed class RedisOracleTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    public static TheoryData<string, string> Cases() => CaseLibrary.Cases(clusterMode: false);

    [CaseTheory]
    [MemberData(nameof(Cases))]
    public Task Proxy_replies_like_redis(string family, string name) =>
        OracleRun.RunAsync(CaseLibrary.Find(family, name), RedisServer.Shared, fixture);
}
