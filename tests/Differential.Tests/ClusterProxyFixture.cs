using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Differential.Tests;

/// <summary>A proxy with the cluster family on (families.enabled: [cluster]).</summary>
public sealed class ClusterProxyFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_ENABLED"] = "cluster",
    };
}
