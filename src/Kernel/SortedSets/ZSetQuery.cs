namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// The members a range command selects, as its statements take it: a <see cref="ZSetQueryKind"/> and the values of its
/// filter, in the order of the filter's parameters (<see cref="ZSetStatements"/>).
/// </summary>
public sealed class ZSetQuery
{
    /// <summary>Above every member_prefix (a prefix has at most 255 bytes): the index bound for "+".</summary>
    private static readonly byte[] AbovePrefixes = Enumerable.Repeat((byte)0xFF, ZSetTables.PrefixBytes + 1).ToArray();

    private readonly LexRange? _lex;

    private ZSetQuery(ZSetQueryKind kind, object?[] values, LexRange? lex = null)
    {
        Kind = kind;
        Values = values;
        _lex = lex;
    }

    public ZSetQueryKind Kind { get; }

    /// <summary>The filter's values: none; min_inf, min, max_inf, max; or at_inf, at_score and the lex bounds.</summary>
    public object?[] Values { get; }

    public static readonly ZSetQuery All = new(ZSetQueryKind.All, []);

    /// <summary>Scores in <paramref name="range"/>, which must not be empty; each bound is sent inclusive.</summary>
    public static ZSetQuery ByScore(ScoreRange range)
    {
        double low = range.LowestInside, high = range.HighestInside;
        return new(ZSetQueryKind.Score,
            [ScoreColumns.Inf(low), ScoreColumns.Finite(low), ScoreColumns.Inf(high), ScoreColumns.Finite(high)]);
    }

    /// <summary>
    /// Members in <paramref name="range"/>, which must not be empty. With <paramref name="atScore"/> (every member has
    /// that score) the read is an index range; without, every member of the key is filtered.
    /// </summary>
    public static ZSetQuery ByLex(LexRange range, double? atScore)
    {
        var (min, max) = (range.Min, range.Max);
        object?[] bounds =
        [
            min.Kind == LexBoundKind.Value ? ZMember.PrefixOf(min.Value) : Array.Empty<byte>(),
            min.Kind == LexBoundKind.Value ? 0 : 1, min.Value, min.Exclusive ? 0 : 1,
            max.Kind == LexBoundKind.Value ? ZMember.PrefixOf(max.Value) : AbovePrefixes,
            max.Kind == LexBoundKind.Value ? 0 : 1, max.Value, max.Exclusive ? 0 : 1,
        ];
        return atScore is double score
            ? new(ZSetQueryKind.LexAtScore, [ScoreColumns.Inf(score), ScoreColumns.Finite(score), .. bounds], range)
            : new(ZSetQueryKind.Lex, bounds, range);
    }

    /// <summary>
    /// Whether a member of a group read without the filter (<see cref="ZSetReader"/>) is selected: only a lex range can
    /// select part of a group of equal score and prefix.
    /// </summary>
    public bool Selects(ZEntry entry) => _lex?.Contains(entry.Member.Value) ?? true;
}
