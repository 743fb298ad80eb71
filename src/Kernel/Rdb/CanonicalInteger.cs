namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Integers as Redis's string2ll and lpStringToInt64 see them in a string: only the exact text ll2string would print
/// ("0", "-12", never "+1", "01", "-0" or " 1"), within 64 bits. Only such strings may be stored as integers, because
/// they come back byte for byte.
/// </summary>
internal static class CanonicalInteger
{
    /// <summary>The longest such text: "-9223372036854775808".</summary>
    public const int MaxLength = 20;

    public static bool TryParse(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > MaxLength) return false;
        if (text.Length == 1 && text[0] == (byte)'0') return true;

        var negative = text[0] == (byte)'-';
        var digits = negative ? text[1..] : text;
        if (digits.Length == 0 || digits[0] < (byte)'1' || digits[0] > (byte)'9') return false;

        ulong magnitude = 0;
        foreach (var c in digits)
        {
            if (c < (byte)'0' || c > (byte)'9') return false;
            if (magnitude > ulong.MaxValue / 10) return false;
            magnitude *= 10;
            if (magnitude > ulong.MaxValue - (ulong)(c - '0')) return false;
            magnitude += (ulong)(c - '0');
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = (long)(0 - magnitude);
        }
        else
        {
            if (magnitude > long.MaxValue) return false;
            value = (long)magnitude;
        }
        return true;
    }

    /// <summary>ll2string: the decimal text of <paramref name="value"/>.</summary>
    public static byte[] Format(long value)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        value.TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return text[..written].ToArray();
    }
}
