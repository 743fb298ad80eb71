using System.Data.Common;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// A score as zset_members stores it: score_inf (-1 for -inf, +1 for +inf, 0 for a finite score) and score (the finite
/// score, 0 when infinite). A DOUBLE column cannot hold an infinity, and the pair orders exactly as the doubles do.
/// -0 is written as 0, which is also what MySQL keeps of it.
/// </summary>
public static class ScoreColumns
{
    public static sbyte Inf(double score) => double.IsInfinity(score) ? (sbyte)Math.Sign(score) : (sbyte)0;

    public static double Finite(double score) => double.IsInfinity(score) ? 0 : score + 0.0;

    /// <summary>The score from its two columns at <paramref name="ordinal"/> and the next one.</summary>
    public static double Read(DbDataReader reader, int ordinal)
    {
        int inf = Convert.ToInt32(reader.GetValue(ordinal));
        return inf switch
        {
            > 0 => double.PositiveInfinity,
            < 0 => double.NegativeInfinity,
            _ => reader.GetDouble(ordinal + 1),
        };
    }
}
