namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>
/// The keyspace integration tests share one proxy and run one after another: several of them need whole databases
/// to themselves (KEYS, SCAN, DBSIZE, FLUSHALL), which each test clears through SQL before it starts.
/// </summary>
[CollectionDefinition(Name)]
public class KeyspaceCollection : ICollectionFixture<KeyspaceFixture>
{
    public const string Name = "keyspace";
}
