using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>Every statement the cluster family can send.</summary>
public class ClusterStatementsSnapshotTests
{
    [Fact]
    public void Every_cluster_statement_matches_the_approved_snapshot() => SqlSnapshot.Verify([typeof(ClusterStatements)]);
}
