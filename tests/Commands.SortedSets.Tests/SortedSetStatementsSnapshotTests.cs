using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>Every statement the sorted sets family can send: the kernel's sorted-set storage and its own algebra.</summary>
public class SortedSetStatementsSnapshotTests
{
    /// <summary>The sets family's member table as it declares it to the kernel; the algebra reads sets through it.</summary>
    private static readonly ChildTable SetMembers = new(new SqlTable("set_members", TableScope.Tenant), KeyType.Set,
        ["member_hash", "member"], CopyOrder: "seq") { Members = new MemberColumns("member_hash", "member") };

    [Fact]
    public void Every_sorted_sets_statement_matches_the_approved_snapshot()
    {
        var algebra = new AlgebraStatements(SetMembers);
        var kinds = Enum.GetValues<ZSetQueryKind>();
        SqlSnapshot.Verify([typeof(ZSetStatements), typeof(RankBlockStatements)],
        [
            .. ZSetTables.All.SelectMany(t => new[] { t.CopyChildren, t.SelectOrphanKeyIds, t.DeleteOrphans }),
            ZSetStatements.Lock(0), ZSetStatements.Lock(2), ZSetStatements.SelectSizes(1), ZSetStatements.SelectSizes(2),
            ZSetStatements.SelectScores(2), ZSetStatements.Upsert(1), ZSetStatements.Upsert(2), ZSetStatements.Delete(2),
            .. kinds.SelectMany(k => new[] { ZSetStatements.Window(k, false), ZSetStatements.Window(k, true) }),
            ZSetStatements.Window(ZSetQueryKind.All, false, deep: true), ZSetStatements.Window(ZSetQueryKind.Score, true, deep: true),
            .. kinds.Where(k => k != ZSetQueryKind.All).Select(ZSetStatements.Count),
            .. kinds.Where(k => k != ZSetQueryKind.All).Select(ZSetStatements.DeleteSelected),
            KeyRowStatements.SelectKeys(2), KeyRowStatements.LockKeys(2), RankBlockStatements.SetSizes(2), RankBlockStatements.BlocksAt(2), ZSetTables.Sizes.Upsert,
            algebra.Select(AlgebraOperation.Union, Aggregate.Sum, 2), algebra.Select(AlgebraOperation.Union, Aggregate.Min, 1),
            algebra.Select(AlgebraOperation.Union, Aggregate.Max, 1), algebra.Select(AlgebraOperation.Inter, Aggregate.Sum, 2),
            algebra.Select(AlgebraOperation.Diff, Aggregate.Sum, 2), algebra.Store(AlgebraOperation.Union, Aggregate.Sum, 1),
            algebra.Store(AlgebraOperation.Inter, Aggregate.Max, 1), algebra.Store(AlgebraOperation.Diff, Aggregate.Sum, 1),
            algebra.InterCard(1), algebra.InterCardLimited(1),
        ]);
    }

    [Fact]
    public void Without_a_set_family_the_algebra_reads_sorted_sets_only()
    {
        var statement = new AlgebraStatements(null).Select(AlgebraOperation.Union, Aggregate.Sum, 2);
        Assert.DoesNotContain("@s0", statement.Sql);
        Assert.Contains("@z1", statement.Sql);
    }
}
