using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Hashes.Tests;

public class HashStatementsSnapshotTests
{
    [Fact]
    public void Every_hashes_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(HashStatements)],
        [
            HashStatements.SelectValues(1), HashStatements.SelectValues(4),
            HashStatements.SelectExisting(2), HashStatements.DeleteFields(2),
            HashStatements.UpsertFields(1), HashStatements.UpsertFields(2),
            HashStatements.FieldTable.CopyChildren, HashStatements.Sizes.Children.CopyChildren,
            HashStatements.Sizes.LockKey, HashStatements.Sizes.SelectKeySize, HashStatements.Sizes.Upsert,
        ]);
}
