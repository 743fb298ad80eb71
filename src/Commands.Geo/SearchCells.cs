namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// The cells a search reads, chosen as Redis's geohashCalculateAreasByShapeWGS84 chooses them: the step whose cells are
/// about as wide as the search's reach, one step coarser when a neighbour would not cover the bounding box, then the
/// centre's cell and its eight neighbours, leaving out those on a side the bounding box does not reach.
/// </summary>
internal static class SearchCells
{
    // Places in Around's order.
    private const int North = 1, South = 2, East = 3, West = 4, NorthEast = 5, NorthWest = 6, SouthEast = 7, SouthWest = 8;

    /// <summary>Redis's MERCATOR_MAX: half the earth's circumference on the Web Mercator projection, in meters.</summary>
    private const double MercatorMax = 20037726.37;

    /// <summary>
    /// The cells in the order Redis reads them, skipping those it skips: left-out neighbours, and a cell equal to the last
    /// one read (neighbours coincide at the coarsest steps, where the moves wrap around the world).
    /// </summary>
    public static List<GeoCell> ToRead(SearchShape shape)
    {
        var cells = Around(shape);
        var read = new List<GeoCell>(cells.Length);
        // Redis compares with the last cell read only once that is not the centre (its index 0 reads as "none yet").
        int last = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            if (cells[i].IsNone || (last != 0 && cells[i] == cells[last])) continue;
            read.Add(cells[i]);
            last = i;
        }
        return read;
    }

    /// <summary>The centre's cell and its neighbours north, south, east, west, north-east, north-west, south-east, south-west.</summary>
    public static GeoCell[] Around(SearchShape shape)
    {
        var bounds = shape.BoundingBox();
        int step = EstimateStep(shape.ReachMeters, shape.Centre.Latitude);
        var centre = GeoHash.Encode(shape.Centre, step);
        var area = GeoHash.Bounds(centre);
        bool tooNarrow = GeoHash.Bounds(centre.North).LatitudeMax < bounds.LatitudeMax
            || GeoHash.Bounds(centre.South).LatitudeMin > bounds.LatitudeMin
            || GeoHash.Bounds(centre.East).LongitudeMax < bounds.LongitudeMax
            || GeoHash.Bounds(centre.West).LongitudeMin > bounds.LongitudeMin;
        if (step > 1 && tooNarrow)
        {
            step--;
            centre = GeoHash.Encode(shape.Centre, step);
            area = GeoHash.Bounds(centre);
        }
        GeoCell[] cells =
        [
            centre, centre.North, centre.South, centre.East, centre.West,
            centre.NorthEast, centre.NorthWest, centre.SouthEast, centre.SouthWest,
        ];
        if (step >= 2)
        {
            if (area.LatitudeMin < bounds.LatitudeMin) LeaveOut(cells, South, SouthWest, SouthEast);
            if (area.LatitudeMax > bounds.LatitudeMax) LeaveOut(cells, North, NorthEast, NorthWest);
            if (area.LongitudeMin < bounds.LongitudeMin) LeaveOut(cells, West, SouthWest, NorthWest);
            if (area.LongitudeMax > bounds.LongitudeMax) LeaveOut(cells, East, SouthEast, NorthEast);
        }
        return cells;
    }

    /// <summary>
    /// Redis's geohashEstimateStepsByRadius: the step whose cells span the reach (halving the world's width once per
    /// step), two steps coarser to be safe, and coarser still near the poles where meridians converge.
    /// </summary>
    public static int EstimateStep(double reachMeters, double latitude)
    {
        if (reachMeters == 0) return GeoHash.ScoreStep;
        int step = 1;
        while (reachMeters < MercatorMax)
        {
            reachMeters *= 2;
            step++;
        }
        step -= 2;
        if (latitude > 66 || latitude < -66)
        {
            step--;
            if (latitude > 80 || latitude < -80) step--;
        }
        return Math.Clamp(step, 1, GeoHash.ScoreStep);
    }

    private static void LeaveOut(GeoCell[] cells, params ReadOnlySpan<int> places)
    {
        foreach (int place in places) cells[place] = GeoCell.None;
    }
}
