using System.Globalization;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Scores as text, the way Redis 7.0 writes them into small sorted sets and reads them back from payloads: glibc's
/// strtod for listpack and ziplist scores, glibc's sscanf("%lg") for the old RDB_TYPE_ZSET, "%.17g" for writing.
/// </summary>
internal static class DoubleText
{
    /// <summary>Longest score text Redis reads from a listpack or ziplist entry (zzlStrtod's 128-byte buffer).</summary>
    public const int MaxListpackScoreLength = 127;

    /// <summary>
    /// double2ll: the score as an integer when it is one within ±2^62, which is how small sorted sets store such
    /// scores (so -0.0 becomes 0).
    /// </summary>
    public static bool TryGetInteger(double value, out long integer)
    {
        integer = 0;
        const double limit = long.MaxValue / 2; // rounds to 2^62, as (double)(LLONG_MAX/2) does in C
        if (!(value >= -limit && value <= limit)) return false;
        integer = (long)value;
        return integer == value;
    }

    /// <summary>d2string for a score that is not such an integer: "inf", "-inf", or C's "%.17g".</summary>
    public static string Format(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        // .NET's G17 picks the same notation and digits as %.17g; only the exponent marker's case differs.
        return value.ToString("G17", CultureInfo.InvariantCulture).Replace('E', 'e');
    }

    /// <summary>
    /// strtod on a C string (up to the first NUL): leading white space, then the longest number it can read (decimal,
    /// hexadecimal, "inf", "infinity", "nan"), else 0. Never fails, as Redis never checks what strtod consumed there.
    /// </summary>
    public static double ParseLikeStrtod(ReadOnlySpan<byte> text)
    {
        Scan(CString(text), likeScanf: false, out var value);
        return value;
    }

    /// <summary>
    /// sscanf("%lg") as glibc does it, which differs from strtod: nothing to read ("", "abc", "0x", "0xg") is a
    /// failure, and so is a prefix of "infinity" longer than "inf" ("infin"), while a dangling exponent ("1e", "1e+")
    /// is ignored.
    /// </summary>
    public static bool TryParseLikeScanf(ReadOnlySpan<byte> text, out double value) =>
        Scan(CString(text), likeScanf: true, out value);

    private static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> text)
    {
        var nul = text.IndexOf((byte)0);
        return nul < 0 ? text : text[..nul];
    }

    private static bool Scan(ReadOnlySpan<byte> text, bool likeScanf, out double value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && IsSpace(text[i])) i++;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }
        var rest = text[i..];

        double magnitude;
        if (StartsWithIgnoringCase(rest, "inf"u8))
        {
            if (rest.Length > 3 && (rest[3] | 0x20) == 'i' && !StartsWithIgnoringCase(rest, "infinity"u8) && likeScanf)
                return false;
            magnitude = double.PositiveInfinity;
        }
        else if (StartsWithIgnoringCase(rest, "nan"u8))
        {
            magnitude = double.NaN;
        }
        else if (rest.Length >= 2 && rest[0] == (byte)'0' && (rest[1] | 0x20) == 'x')
        {
            if (rest.Length > 2 && (IsHexDigit(rest[2]) || rest[2] == (byte)'.'))
                magnitude = ParseHex(rest[2..]);
            else if (likeScanf)
                return false;
            else
                magnitude = 0; // strtod reads just the "0"
        }
        else if (!TryParseDecimal(rest, out magnitude))
        {
            return !likeScanf;
        }

        value = negative ? -magnitude : magnitude;
        return true;
    }

    // digits [. digits] [e [sign] digits], at least one digit; an exponent without digits is not part of the number.
    private static bool TryParseDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var digits = 0;
        while (i < text.Length && IsDigit(text[i])) { i++; digits++; }
        if (i < text.Length && text[i] == (byte)'.')
        {
            i++;
            while (i < text.Length && IsDigit(text[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        var end = i;
        if (i < text.Length && (text[i] | 0x20) == 'e')
        {
            var j = i + 1;
            if (j < text.Length && (text[j] == (byte)'+' || text[j] == (byte)'-')) j++;
            if (j < text.Length && IsDigit(text[j]))
            {
                while (j < text.Length && IsDigit(text[j])) j++;
                end = j;
            }
        }
        // .NET parses correctly rounded (as glibc does), to ±infinity or 0 beyond the range.
        value = double.Parse(text[..end], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return true;
    }

    // After "0x": hex digits [. hex digits] [p [sign] decimal digits], correctly rounded to nearest even. Up to 15
    // significant digits (60 bits) are kept exactly; later nonzero digits only make the value a little larger (sticky).
    private static double ParseHex(ReadOnlySpan<byte> text)
    {
        ulong mantissa = 0;
        var significant = 0;
        var sticky = false;
        long exponent = 0;
        var i = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }
            if (!IsHexDigit(c)) break;
            var digit = HexValue(c);
            if (significant < 15)
            {
                if (mantissa != 0 || digit != 0)
                {
                    mantissa = (mantissa << 4) | (uint)digit;
                    significant++;
                }
                if (seenPoint) exponent -= 4;
            }
            else
            {
                sticky |= digit != 0;
                if (!seenPoint) exponent += 4;
            }
        }
        if (i < text.Length && (text[i] | 0x20) == 'p')
        {
            var j = i + 1;
            var negative = false;
            if (j < text.Length && (text[j] == (byte)'+' || text[j] == (byte)'-'))
            {
                negative = text[j] == (byte)'-';
                j++;
            }
            if (j < text.Length && IsDigit(text[j]))
            {
                long power = 0;
                for (; j < text.Length && IsDigit(text[j]); j++)
                    power = Math.Min(power * 10 + (text[j] - '0'), 1_000_000); // far beyond any double's range
                exponent += negative ? -power : power;
            }
        }
        if (mantissa == 0) return 0;
        if (sticky)
        {
            mantissa = (mantissa << 1) | 1;
            exponent--;
        }
        return Scale(mantissa, exponent);
    }

    // mantissa * 2^exponent rounded to nearest even, also into the subnormal range (where Math.ScaleB alone would round
    // a second time).
    private static double Scale(ulong mantissa, long exponent)
    {
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(mantissa);
        var leading = bits - 1 + exponent; // the binary exponent of the leading bit
        if (leading > 1023) return double.PositiveInfinity;
        var lowestKept = Math.Max(leading - 52, -1074); // the exponent of the result's last bit
        var drop = lowestKept - exponent;
        if (drop <= 0) return Math.ScaleB(mantissa, (int)exponent);
        if (drop > 64) return 0;

        var kept = drop == 64 ? 0 : mantissa >> (int)drop;
        var remainder = drop == 64 ? mantissa : mantissa & ((1UL << (int)drop) - 1);
        var half = 1UL << (int)(drop - 1);
        if (remainder > half || (remainder == half && (kept & 1) != 0)) kept++;
        return Math.ScaleB(kept, (int)lowestKept);
    }

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowercase)
    {
        if (text.Length < lowercase.Length) return false;
        for (var k = 0; k < lowercase.Length; k++)
            if ((text[k] | 0x20) != lowercase[k]) return false;
        return true;
    }

    private static bool IsSpace(byte c) => c == ' ' || (c >= '\t' && c <= '\r');

    private static bool IsDigit(byte c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(byte c) => IsDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');

    private static int HexValue(byte c) => IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}
