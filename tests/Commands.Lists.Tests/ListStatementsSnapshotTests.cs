using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Lists.Tests;

public class ListStatementsSnapshotTests
{
    [Fact]
    public void Every_lists_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(ListStatements)],
        [
            ListStatements.InsertItems(1), ListStatements.InsertItems(4), ListStatements.LockWithEnds(2), ListStatements.DeleteAt(2),
            ListStatements.ItemTable.CopyChildren, ListStatements.BoundsTable.CopyChildren,
        ]);
}
