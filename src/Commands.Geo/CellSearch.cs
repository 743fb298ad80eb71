using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// The members of a geo key inside a <see cref="SearchShape"/>, found as Redis finds them (membersOfAllNeighbors): only
/// the candidate cells are read, each a score range of the sorted-set index, all of them in one statement; then every
/// candidate is kept or not by its exact distance, cell after cell in Redis's order, members of a cell by score.
/// </summary>
internal static class CellSearch
{
    /// <summary>
    /// The matches in Redis's unsorted order; with <paramref name="limit"/> (COUNT ... ANY) no more than that many, the
    /// first ones found.
    /// </summary>
    public static async Task<List<GeoMatch>> FindAsync(ISqlRunner sql, long keyId, SearchShape shape, long limit)
    {
        var cells = SearchCells.ToRead(shape);
        var candidates = await ZSetReader.InScoreRangesAsync(sql, keyId, cells.Select(c => c.Scores).Distinct().ToList());
        var matches = new List<GeoMatch>();
        foreach (var cell in cells)
        {
            if (Reached(matches, limit)) break;
            var scores = cell.Scores;
            for (int i = FirstAtOrAbove(candidates, scores.Min); i < candidates.Count && candidates[i].Score < scores.Max; i++)
            {
                var candidate = candidates[i];
                if (shape.Contains(candidate.Score, out var position, out double distance))
                    matches.Add(new GeoMatch(candidate.Member, candidate.Score, position, distance));
                if (Reached(matches, limit)) break;
            }
        }
        return matches;
    }

    private static bool Reached(List<GeoMatch> matches, long limit) => limit > 0 && matches.Count >= limit;

    /// <summary>The index of the first entry (in score order) whose score is at least <paramref name="score"/>.</summary>
    private static int FirstAtOrAbove(List<ZEntry> entries, double score)
    {
        int low = 0, high = entries.Count;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (entries[middle].Score < score) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
