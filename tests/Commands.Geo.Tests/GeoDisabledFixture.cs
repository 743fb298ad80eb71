using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>A proxy started with families.disabled: [geo].</summary>
public sealed class GeoDisabledFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_DISABLED"] = "geo",
    };
}
