using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Sets.Tests;

public class SetStatementsSnapshotTests
{
    [Fact]
    public void Every_sets_statement_matches_the_approved_snapshot() =>
        SqlSnapshot.Verify([typeof(SetStatements)],
        [
            SetStatements.Children.CopyChildren, SetStatements.Sizes.Children.CopyChildren,
            SetStatements.Sizes.LockKey, SetStatements.Sizes.SelectKeySize, SetStatements.Sizes.Upsert,
            KeyRowStatements.SelectKeys(1), KeyRowStatements.SelectKeys(2), KeyRowStatements.LockKeys(2),
            SetStatements.InsertMembers(1), SetStatements.InsertMembers(4),
            SetStatements.DeleteMembers(2), SetStatements.SelectPresent(2),
            SetAlgebraStatements.Select(SetOperation.Inter, 0), SetAlgebraStatements.Select(SetOperation.Inter, 2),
            SetAlgebraStatements.Select(SetOperation.Union, 0), SetAlgebraStatements.Select(SetOperation.Union, 2),
            SetAlgebraStatements.Select(SetOperation.Diff, 0), SetAlgebraStatements.Select(SetOperation.Diff, 2),
            SetAlgebraStatements.Store(SetOperation.Inter, 1), SetAlgebraStatements.Store(SetOperation.Union, 1),
            SetAlgebraStatements.Store(SetOperation.Diff, 1),
            SetAlgebraStatements.InterCard(1), SetAlgebraStatements.InterCardLimited(1),
        ]);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 4)]
    [InlineData(256, 256)]
    public void Value_lists_come_in_power_of_two_shapes(int count, int shape) =>
        Assert.Equal(shape, InListShape.For(count));

    [Fact]
    public void Padding_repeats_the_first_value() =>
        Assert.Equal([7L, 8L, 9L, 7L], InListShape.Padded(new[] { 7L, 8L, 9L }));
}
