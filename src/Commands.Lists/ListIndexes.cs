namespace RedisOnMySql.Commands.Lists;

/// <summary>Redis's index arithmetic for lists, kept within range so position arithmetic in SQL cannot overflow.</summary>
internal static class ListIndexes
{
    /// <summary>Beyond any list's length (and any position's distance from 0), yet far from BIGINT's limits.</summary>
    public const long Far = 1L << 62;

    /// <summary>An index or length argument moved into -Far..Far, which changes no answer.</summary>
    public static long Clamp(long value) => Math.Clamp(value, -Far, Far);

    /// <summary>
    /// LRANGE / LTRIM's range start..stop of a list of <paramref name="length"/> elements as 0-based indexes
    /// (negative ones count from the tail), or null when it selects nothing.
    /// </summary>
    public static (long First, long Last)? Range(long start, long stop, long length)
    {
        if (start < 0) start = Math.Max(length + Clamp(start), 0);
        if (stop < 0) stop = length + Clamp(stop);
        if (start > stop || start >= length) return null;
        return (start, Math.Min(stop, length - 1));
    }
}
