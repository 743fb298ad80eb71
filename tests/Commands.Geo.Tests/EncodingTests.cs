using System.Text;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>The geohash, distance and number arithmetic on its own, against values redis-server 7.0 gives.</summary>
public class EncodingTests
{
    [Theory]
    [InlineData(13.361389, 38.115556, 3479099956230698)]
    [InlineData(15.087269, 37.502669, 3479447370796909)]
    [InlineData(0, 85.05112878, 6755399441055744)]
    [InlineData(-180, -85.05112878, 0)]
    [InlineData(180, 85.05112878, 13510798882111488)]
    public void A_point_scores_as_redis_scores_it(double longitude, double latitude, double score) =>
        Assert.Equal(score, GeoHash.Score(new GeoPoint(longitude, latitude)));

    [Theory]
    [InlineData(3479099956230698, "13.36138933897018433", "38.11555639549629859")]
    [InlineData(-1, "180", "85.0511287799999991")]
    [InlineData(1.5, "-179.99999731779098511", "-85.05112497791824921")]
    [InlineData(double.PositiveInfinity, "-179.99999731779098511", "-85.05112751263942528")]
    [InlineData(double.NegativeInfinity, "180", "-85.05112751263942528")]
    [InlineData(1e19, "180", "85.0511287799999991")]
    [InlineData(-1e19, "180", "-85.05112751263942528")]
    [InlineData(9007199254740992, "180", "-85.05112751263942528")]
    public void Any_score_decodes_to_the_position_redis_prints(double score, string longitude, string latitude)
    {
        var position = GeoHash.Position(score);
        Assert.Equal(longitude, Coordinate(position.Longitude));
        Assert.Equal(latitude, Coordinate(position.Latitude));
    }

    [Theory]
    [InlineData(3479099956230698, "sqc8b49rny0")]
    [InlineData(3479447370796909, "sqdtr74hyu0")]
    [InlineData(-1, "bp05b5048p0")]
    [InlineData(0, "00bh0hbj200")]
    public void Geohash_strings_use_the_standard_latitudes(double score, string expected)
    {
        var text = new byte[11];
        GeoHash.WriteStandard(GeoHash.Position(score), text);
        Assert.Equal(expected, Encoding.ASCII.GetString(text));
    }

    [Theory]
    [InlineData(200.0078125, "200.007812")]
    [InlineData(200.0234375, "200.023438")]
    [InlineData(-0.0, "-0.000000")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(1e20, "100000000000000000000.000000")]
    [InlineData(5e-324, "0.000000")]
    public void Printf_f_rounds_the_exact_value_half_to_even(double value, string expected) =>
        Assert.Equal(expected, GeoText.Fixed(value, 6));

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-1e-30, "0")]
    [InlineData(180, "180")]
    [InlineData(0.5, "0.5")]
    [InlineData(-85.05112878, "-85.0511287799999991")]
    [InlineData(0.00000268220901489, "0.00000268220901489")]
    public void Coordinates_print_with_up_to_17_decimals(double value, string expected) => Assert.Equal(expected, Coordinate(value));

    /// <summary>xUnit takes -0.0 and 0.0 for one InlineData, so negative zero has its own test.</summary>
    [Fact]
    public void Negative_zero_prints_as_zero() => Assert.Equal("0", Coordinate(-0.0));

    [Theory]
    [InlineData(0.0, "0.0000")]
    [InlineData(166274.15156960033, "166274.1516")]
    [InlineData(0.00005, "0.0000")]
    [InlineData(0.00025, "0.0002")]
    [InlineData(12.5, "12.5000")]
    [InlineData(double.NaN, "-922337203685477.5808")]
    public void Distances_print_with_four_decimals(double meters, string expected)
    {
        var text = new byte[GeoText.MaxLength];
        Assert.Equal(expected, Encoding.ASCII.GetString(text, 0, GeoText.WriteDistance(meters, text)));
    }

    [Fact]
    public void Distances_are_redis_haversine()
    {
        var palermo = GeoHash.Position(3479099956230698);
        var catania = GeoHash.Position(3479447370796909);
        var text = new byte[GeoText.MaxLength];
        Assert.Equal("166274.1516", Encoding.ASCII.GetString(text, 0, GeoText.WriteDistance(GeoDistance.Between(palermo, catania), text)));
        Assert.Equal(GeoDistance.AlongMeridian(10, 20), GeoDistance.Between(new GeoPoint(5, 10), new GeoPoint(5, 20)));
    }

    [Theory]
    [InlineData(0, 0, 26)]
    [InlineData(1000, 0, 14)]
    [InlineData(1000, 70, 13)]
    [InlineData(1000, -85, 12)]
    [InlineData(5_000_000, 0, 2)]
    [InlineData(20_000_000, 0, 1)]
    [InlineData(double.PositiveInfinity, 0, 1)]
    public void The_step_follows_the_reach_and_the_latitude(double reachMeters, double latitude, int step) =>
        Assert.Equal(step, SearchCells.EstimateStep(reachMeters, latitude));

    [Fact]
    public void A_small_search_reads_its_cell_and_only_the_neighbours_it_reaches()
    {
        var shape = new SearchShape(new GeoPoint(15, 37), IsBox: false, Radius: 200, Width: 0, Height: 0, MetersPerUnit: 1000);
        var cells = SearchCells.Around(shape);
        Assert.Equal(9, cells.Length);
        Assert.All(cells.Where(c => !c.IsNone), c => Assert.Equal(cells[0].Step, c.Step));
        var read = SearchCells.ToRead(shape);
        Assert.Equal(cells.Count(c => !c.IsNone), read.Count);
        Assert.All(read, c => Assert.True(c.Scores.Max - c.Scores.Min == Math.Pow(2, 52 - 2 * c.Step)));
    }

    [Fact]
    public void Neighbours_wrap_around_the_world()
    {
        var west = GeoHash.Encode(new GeoPoint(-179.9, 0), 4);
        var east = GeoHash.Encode(new GeoPoint(179.9, 0), 4);
        Assert.Equal(east, west.West);
        Assert.Equal(west, east.East);
        Assert.Equal(west, west.North.South);
        Assert.Equal(west.NorthEast, west.East.North);
    }

    [Fact]
    public void Sorting_keeps_ties_in_cell_order_for_the_whole_result_and_uses_redis_partial_quicksort_for_count()
    {
        var matches = Enumerable.Range(0, 12).Select(i => Match($"s{i:00}", new[] { 5.0, 1, 5, 5, 5, 1, 1, 3, 1, 1, 3, 5 }[i])).ToArray();
        var whole = matches.ToArray();
        DistanceSort.Sort(whole, descending: false, whole.Length);
        Assert.Equal("s01 s05 s06 s08 s09 s07 s10 s00 s02 s03 s04 s11", Names(whole));
        var partial = matches.ToArray();
        DistanceSort.Sort(partial, descending: false, 3);
        Assert.Equal([1.0, 1, 1], partial.Take(3).Select(m => m.Distance));
        var descending = matches.ToArray();
        DistanceSort.Sort(descending, descending: true, descending.Length);
        Assert.Equal("s00 s02 s03 s04 s11 s07 s10 s01 s05 s06 s08 s09", Names(descending));
    }

    private static GeoMatch Match(string name, double distance) =>
        new(Kernel.SortedSets.ZMember.Of(Encoding.ASCII.GetBytes(name)), 0, default, distance);

    private static string Names(IEnumerable<GeoMatch> matches) =>
        string.Join(' ', matches.Select(m => Encoding.ASCII.GetString(m.Member.Value)));

    private static string Coordinate(double value)
    {
        var text = new byte[GeoText.MaxLength];
        return Encoding.ASCII.GetString(text, 0, GeoText.WriteCoordinate(value, text));
    }
}
