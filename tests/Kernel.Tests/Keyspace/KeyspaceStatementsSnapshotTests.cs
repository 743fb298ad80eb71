using RedisOnMySql.Kernel.Families.Keyspace;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

public class KeyspaceStatementsSnapshotTests
{
    [Fact]
    public void Every_keyspace_family_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(KeyspaceFamilyStatements)],
        [
            KeyspaceFamilyStatements.DeleteLive(1), KeyspaceFamilyStatements.DeleteLive(4),
            KeyspaceFamilyStatements.SelectLiveStates(1), KeyspaceFamilyStatements.SelectLiveStates(4),
        ]);

    [Fact]
    public void Shaped_statements_are_cached_per_count()
    {
        Assert.Same(KeyspaceFamilyStatements.DeleteLive(4), KeyspaceFamilyStatements.DeleteLive(4));
        Assert.NotSame(KeyspaceFamilyStatements.DeleteLive(4), KeyspaceFamilyStatements.DeleteLive(5));
        Assert.Equal(["k0", "k1", "now"], KeyspaceFamilyStatements.SelectLiveStates(2).Parameters);
    }
}
