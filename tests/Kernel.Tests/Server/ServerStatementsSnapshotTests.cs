using RedisOnMySql.Kernel.Families.Server;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

public class ServerStatementsSnapshotTests
{
    [Fact]
    public void Every_server_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(KeyspaceSummary)]);
}
