using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.PubSub.Tests;

public class PubSubStatementsSnapshotTests
{
    [Fact]
    public void Every_pubsub_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(PubSubStatements)],
        [
            PubSubStatements.EnsureRows(2), PubSubStatements.AddClients(2), PubSubStatements.SumByName(2),
        ]);
}
