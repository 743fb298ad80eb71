using System.Globalization;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>
/// A search reads only its candidate cells, through the order index and in one statement, never the whole key: shown by
/// what MariaDB logs of the proxy's statements (mysql.slow_log's rows_examined) for a key whose points are nearly all
/// far away.
/// </summary>
[Collection(GeoCollection.Name)]
public class CellReadTests(GeoFixture fixture)
{
    private const int FarPoints = 2000;

    /// <summary>The cells' read, and nothing else, goes through the order index of zset_members.</summary>
    private const string CellRead = "zset_members FORCE INDEX (zset_members_order)";

    [Theory]
    [InlineData("GEOSEARCH", "FROMLONLAT", "13.36", "38.11", "BYRADIUS", "20", "km", "ASC")]
    [InlineData("GEOSEARCH", "FROMMEMBER", "near0", "BYBOX", "40", "40", "km")]
    [InlineData("GEORADIUS", "13.36", "38.11", "20", "km", "WITHDIST")]
    [InlineData("GEORADIUSBYMEMBER", "near0", "20", "km", "STORE", "$dst")]
    public async Task A_search_examines_the_rows_of_its_cells_not_the_far_away_points(string command, params string[] args)
    {
        var k = ProxyFixture.Key("world");
        var destination = ProxyFixture.Key("dst");
        string reply = "";
        var statements = await fixture.LoggedStatementsAsync(async raw =>
        {
            await LoadAsync(raw, k);
            reply = await raw.CommandAsync([command, k, .. args.Select(a => a == "$dst" ? destination : a)]);
        });
        Assert.Matches(@"^[*:]5\r\n", reply);
        var cellReads = statements.Where(s => s.Sql.Contains(CellRead, StringComparison.Ordinal)).ToList();
        var cellRead = Assert.Single(cellReads);
        Assert.True(cellRead.RowsExamined <= 20, $"the cells' read examined {cellRead.RowsExamined} rows: {cellRead.Sql}");
        // The search's statements come after the load's last write, the size row of all the points.
        int loaded = statements.FindLastIndex(s => s.Sql.Contains($"size = {FarPoints + 5}", StringComparison.Ordinal));
        Assert.True(loaded >= 0, "the load's size row was not logged");
        long examined = statements.Skip(loaded + 1).Sum(s => s.RowsExamined);
        Assert.True(examined <= 30, $"the search's statements examined {examined} rows in all");
    }

    /// <summary>Five points around Palermo and <see cref="FarPoints"/> around Sydney, in GEOADDs of 500.</summary>
    private static async Task LoadAsync(RawRespClient raw, string key)
    {
        var near = Enumerable.Range(0, 5).SelectMany(i => new[] { Degrees(13.36 + i * 0.01), Degrees(38.11 + i * 0.01), $"near{i}" });
        Assert.Equal(Int(5), await raw.CommandAsync(["GEOADD", key, .. near]));
        for (int start = 0; start < FarPoints; start += 500)
        {
            var far = Enumerable.Range(start, 500)
                .SelectMany(i => new[] { Degrees(150 + i % 50 * 0.04), Degrees(-34 + i / 50 * 0.04), $"far{i}" });
            Assert.Equal(Int(500), await raw.CommandAsync(["GEOADD", key, .. far]));
        }
    }

    private static string Degrees(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
