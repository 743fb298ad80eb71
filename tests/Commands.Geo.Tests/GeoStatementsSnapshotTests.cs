using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Storage;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>
/// Every statement the geo family can send. It has none of its own: a geo key is a sorted set, read and written through
/// the kernel's sorted-set storage, and a search reads its cells with one multi-range statement (one per shape).
/// </summary>
public class GeoStatementsSnapshotTests
{
    [Fact]
    public void Every_geo_statement_matches_the_approved_snapshot() => SqlSnapshot.Verify([],
    [
        ZSetStatements.SelectKey, ZSetStatements.SelectScore, ZSetStatements.SelectScores(1), ZSetStatements.SelectScores(2),
        .. new[] { 1, 2, 4, 8, 16 }.Select(ZSetStatements.InScoreRanges),
        ZSetStatements.Lock(0), ZSetStatements.Lock(1), ZSetStatements.Lock(2), ZSetStatements.Upsert(1), ZSetStatements.Upsert(2),
        ZSetTables.Sizes.Upsert, KeyspaceStatements.SelectForUpdate, KeyspaceStatements.DeleteKey, KeyspaceStatements.InsertCollection,
    ]);
}
