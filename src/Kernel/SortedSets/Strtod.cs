using System.Globalization;
using System.Numerics;
using System.Text;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// C's strtod as glibc implements it, which Redis uses for every score, bound and weight: leading white space,
/// an optional sign, then "inf"/"infinity", "nan" (optionally "nan(chars)"), a hexadecimal float ("0x1.8p3") or a
/// decimal one, taking the longest prefix that forms a number. Decimal conversion is correctly rounded, as glibc's is.
/// </summary>
public static class Strtod
{
    /// <summary>The result of one conversion.</summary>
    /// <param name="Value">the number (0 when nothing converted)</param>
    /// <param name="Length">bytes consumed; 0 when no number starts the text</param>
    /// <param name="OutOfRange">strtod's ERANGE as Redis reads it: the value overflowed to ±inf or underflowed to zero</param>
    public readonly record struct Result(double Value, int Length, bool OutOfRange);

    public static Result Parse(ReadOnlySpan<byte> s)
    {
        int i = 0;
        while (i < s.Length && IsSpace(s[i])) i++;
        bool negative = false;
        if (i < s.Length && s[i] is (byte)'+' or (byte)'-') negative = s[i++] == '-';
        var result = ParseUnsigned(s, i);
        return result.Length == 0 ? default : result with { Value = negative ? -result.Value : result.Value };
    }

    private static Result ParseUnsigned(ReadOnlySpan<byte> s, int start)
    {
        if (StartsWithWord(s, start, "infinity")) return new(double.PositiveInfinity, start + 8, false);
        if (StartsWithWord(s, start, "inf")) return new(double.PositiveInfinity, start + 3, false);
        if (StartsWithWord(s, start, "nan")) return new(double.NaN, NanEnd(s, start + 3), false);
        if (start + 1 < s.Length && s[start] == '0' && (s[start + 1] | 0x20) == 'x')
        {
            var hex = ParseHex(s, start + 2);
            if (hex.Length > 0) return hex;
            // "0x" without hexadecimal digits is the number 0 followed by "x".
            return new(0, start + 1, false);
        }
        return ParseDecimal(s, start);
    }

    private static Result ParseDecimal(ReadOnlySpan<byte> s, int start)
    {
        int i = start;
        bool nonZeroDigit = false;
        int digits = 0;
        for (; i < s.Length && IsDigit(s[i]); i++, digits++) nonZeroDigit |= s[i] != '0';
        if (i < s.Length && s[i] == '.')
        {
            i++;
            for (; i < s.Length && IsDigit(s[i]); i++, digits++) nonZeroDigit |= s[i] != '0';
        }
        if (digits == 0) return default;
        i = ExponentEnd(s, i, (byte)'e');
        var text = Encoding.ASCII.GetString(s[start..i]);
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool outOfRange = double.IsInfinity(value) || (nonZeroDigit && value == 0);
        return new(value, i, outOfRange);
    }

    /// <summary>Hexadecimal digits with an optional point and a binary exponent: mantissa × 2^exponent.</summary>
    private static Result ParseHex(ReadOnlySpan<byte> s, int start)
    {
        int i = start;
        var mantissa = BigInteger.Zero;
        int digits = 0, fractionDigits = 0;
        for (; i < s.Length && HexValue(s[i]) >= 0; i++, digits++) mantissa = mantissa * 16 + HexValue(s[i]);
        if (i < s.Length && s[i] == '.')
        {
            int point = i++;
            for (; i < s.Length && HexValue(s[i]) >= 0; i++, digits++, fractionDigits++) mantissa = mantissa * 16 + HexValue(s[i]);
            if (digits == 0) i = point;
        }
        if (digits == 0) return default;
        int end = ExponentEnd(s, i, (byte)'p');
        long exponent = end > i ? long.Parse(BoundedExponent(Encoding.ASCII.GetString(s[(i + 1)..end])), CultureInfo.InvariantCulture) : 0;
        exponent -= 4L * fractionDigits;
        if (mantissa.IsZero) return new(0, end, false);
        // Keep 64 significant bits and a sticky bit for what is dropped, so the one rounding to a double is right.
        long shift = Math.Max(0, (long)mantissa.GetBitLength() - 64);
        var kept = mantissa >> (int)shift;
        if (shift > 0 && !(kept << (int)shift).Equals(mantissa)) kept |= 1;
        double value = Math.ScaleB((double)(ulong)kept, (int)Math.Clamp(exponent + shift, -100_000, 100_000));
        return new(value, end, double.IsInfinity(value) || value == 0);
    }

    /// <summary>Where an exponent (marker, optional sign, at least one digit) ends; <paramref name="i"/> when there is none.</summary>
    private static int ExponentEnd(ReadOnlySpan<byte> s, int i, byte marker)
    {
        if (i >= s.Length || (s[i] | 0x20) != marker) return i;
        int j = i + 1;
        if (j < s.Length && s[j] is (byte)'+' or (byte)'-') j++;
        if (j >= s.Length || !IsDigit(s[j])) return i;
        while (j < s.Length && IsDigit(s[j])) j++;
        return j;
    }

    /// <summary>Bounds an exponent's text to what <see cref="long.Parse(string)"/> takes; far beyond any double either way.</summary>
    private static string BoundedExponent(string exponent)
    {
        var digits = exponent.TrimStart('+', '-').TrimStart('0');
        var sign = exponent.StartsWith('-') ? "-" : "";
        return digits.Length == 0 ? "0" : digits.Length > 9 ? sign + "999999999" : sign + digits;
    }

    /// <summary>"nan" may be followed by "(letters, digits, underscores)", which strtod consumes too.</summary>
    private static int NanEnd(ReadOnlySpan<byte> s, int i)
    {
        if (i >= s.Length || s[i] != '(') return i;
        int j = i + 1;
        while (j < s.Length && (IsDigit(s[j]) || char.IsAsciiLetter((char)s[j]) || s[j] == '_')) j++;
        return j < s.Length && s[j] == ')' ? j + 1 : i;
    }

    private static bool StartsWithWord(ReadOnlySpan<byte> s, int start, string word)
    {
        if (s.Length - start < word.Length) return false;
        for (int k = 0; k < word.Length; k++)
        {
            if ((s[start + k] | 0x20) != word[k]) return false;
        }
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    public static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';
}
