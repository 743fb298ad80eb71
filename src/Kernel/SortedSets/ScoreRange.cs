namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// A range of scores as ZRANGEBYSCORE, ZCOUNT and ZREMRANGEBYSCORE take it: each bound a strtod number, exclusive when
/// written "(x". As SQL takes it, each bound is made inclusive (an exclusive bound moves to the next double).
/// </summary>
public sealed record ScoreRange(double Min, bool MinExclusive, double Max, bool MaxExclusive)
{
    public const string NotAFloat = "ERR min or max is not a float";

    /// <summary>Redis's zslParseRange; null when a bound is not a number (the caller answers <see cref="NotAFloat"/>).</summary>
    public static ScoreRange? Parse(ReadOnlySpan<byte> min, ReadOnlySpan<byte> max) =>
        TryParseBound(min, out double low, out bool lowExclusive) && TryParseBound(max, out double high, out bool highExclusive)
            ? new ScoreRange(low, lowExclusive, high, highExclusive)
            : null;

    /// <summary>No score can be inside: min above max, or equal with either end exclusive.</summary>
    public bool IsEmpty => Min > Max || (Min == Max && (MinExclusive || MaxExclusive));

    /// <summary>The lowest score inside (the range must not be <see cref="IsEmpty"/>).</summary>
    public double LowestInside => MinExclusive ? Math.BitIncrement(Min) : Min;

    /// <summary>The highest score inside (the range must not be <see cref="IsEmpty"/>).</summary>
    public double HighestInside => MaxExclusive ? Math.BitDecrement(Max) : Max;

    /// <summary>
    /// A bound is strtod over the text after an optional "(": white space may lead, nothing may follow (the text ends at a
    /// NUL byte, as a C string does), NaN is refused, and an empty text reads as 0, as in Redis.
    /// </summary>
    private static bool TryParseBound(ReadOnlySpan<byte> text, out double value, out bool exclusive)
    {
        exclusive = text.Length > 0 && text[0] == '(';
        if (exclusive) text = text[1..];
        int nul = text.IndexOf((byte)0);
        if (nul >= 0) text = text[..nul];
        var result = Strtod.Parse(text);
        value = result.Value;
        return (result.Length == text.Length || (result.Length == 0 && text.Length == 0)) && !double.IsNaN(value);
    }
}
