using System.Globalization;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>Scores as Redis 7.0 reads and prints them.</summary>
public static class ScoreText
{
    /// <summary>
    /// Redis's string2d, for scores, increments and weights: the whole text is one strtod number with no leading white
    /// space, not NaN, and neither overflowing nor underflowing to zero ("inf", "-inf", "1e308" and hex floats pass).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        if (text.Length == 0 || Strtod.IsSpace(text[0])) return false;
        var result = Strtod.Parse(text);
        if (result.Length != text.Length || result.OutOfRange || double.IsNaN(result.Value)) return false;
        value = result.Value;
        return true;
    }

    /// <summary>
    /// What Redis's addReplyDouble sends in RESP2: "inf" / "-inf", else C's "%.17g" (17 significant digits, trailing
    /// zeros dropped, an exponent of at least two digits beyond 1e17 or below 1e-4, and "-0" for negative zero).
    /// </summary>
    public static string Format(double score)
    {
        if (double.IsPositiveInfinity(score)) return "inf";
        if (double.IsNegativeInfinity(score)) return "-inf";
        // .NET's G17 picks the same notation and digits as %.17g; only the exponent marker's case differs.
        return score.ToString("G17", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    /// <summary>
    /// How Redis writes a score into a small sorted set (zzlInsertAt), which ZSCAN then returns as is: an integer when the
    /// score is one within ±2^62, else <see cref="Format"/>.
    /// </summary>
    public static string FormatStored(double score) =>
        Math.Abs(score) <= long.MaxValue / 2 && score == Math.Truncate(score)
            ? ((long)score).ToString(CultureInfo.InvariantCulture)
            : Format(score);
}
