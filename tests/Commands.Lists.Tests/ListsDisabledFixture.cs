using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>A proxy started with families.disabled: [lists].</summary>
public sealed class ListsDisabledFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_FAMILIES_DISABLED"] = "lists",
    };
}
