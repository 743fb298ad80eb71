using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

public class StringStatementsSnapshotTests
{
    [Fact]
    public void Every_strings_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(StringStatements)],
            [StringStatements.SelectMany(1), StringStatements.SelectMany(4), StringStatements.LockMany(2), StringStatements.LockValues(2),
             StringStatements.UpsertChunks(2), StringStatements.SelectChunksIn(2)]);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 8)]
    [InlineData(1000, 1024)]
    public void Key_lists_come_in_power_of_two_shapes(int keys, int shape) =>
        Assert.Equal(shape, InListShape.For(keys));
}
