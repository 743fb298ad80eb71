using System.Globalization;
using System.Text;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// The number SORT orders an element by, read as Redis reads it: C's strtod on the value up to its first NUL byte,
/// refused when text follows the number, when it is out of a double's range, or when it is NaN. So leading spaces,
/// hexadecimal ("0x1p4"), "inf" and "infinity" are numbers, and an empty value is 0, as in Redis; RedisNumbers'
/// stricter parser (INCRBYFLOAT's) would answer differently, hence this one.
/// </summary>
public static class SortWeight
{
    public static bool TryParse(ReadOnlySpan<byte> value, out double weight)
    {
        weight = 0;
        int nul = value.IndexOf((byte)0);
        var text = nul < 0 ? value : value[..nul];
        if (text.IsEmpty) return true;
        int i = 0;
        while (i < text.Length && IsSpace(text[i])) i++;
        bool negative = false;
        if (i < text.Length && text[i] is (byte)'+' or (byte)'-') negative = text[i++] == '-';
        var rest = text[i..];
        // Nothing readable leaves strtod's end at the start of the text, which is then not a number.
        if (!TryNumber(rest, out double magnitude, out int length, out bool underflow)) return false;
        if (length != rest.Length || double.IsNaN(magnitude) || underflow) return false;
        if (double.IsInfinity(magnitude) && !IsInfinityWord(rest)) return false;
        weight = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<byte> s, out double value, out int length, out bool underflow)
    {
        underflow = false;
        if (StartsWithWord(s, "infinity")) return Word(double.PositiveInfinity, 8, out value, out length);
        if (StartsWithWord(s, "inf")) return Word(double.PositiveInfinity, 3, out value, out length);
        if (StartsWithWord(s, "nan")) return Word(double.NaN, NanLength(s), out value, out length);
        if (s.Length > 2 && s[0] == '0' && (s[1] | 0x20) == 'x' && (IsHex(s[2]) || (s[2] == '.' && s.Length > 3 && IsHex(s[3]))))
            return Hexadecimal(s, out value, out length, out underflow);
        return Decimal(s, out value, out length, out underflow);
    }

    private static bool Decimal(ReadOnlySpan<byte> s, out double value, out int length, out bool underflow)
    {
        value = 0;
        underflow = false;
        int i = 0, digits = 0;
        bool nonZero = false;
        for (; i < s.Length && IsDigit(s[i]); i++, digits++) nonZero |= s[i] != '0';
        if (i < s.Length && s[i] == '.')
            for (i++; i < s.Length && IsDigit(s[i]); i++, digits++) nonZero |= s[i] != '0';
        length = i;
        if (digits == 0) return false;
        length = i = ExponentEnd(s, i, (byte)'e');
        value = double.Parse(Encoding.ASCII.GetString(s[..length]), NumberStyles.Float, CultureInfo.InvariantCulture);
        underflow = nonZero && (value == 0 || double.IsSubnormal(value));
        return true;
    }

    /// <summary>C99's hexadecimal form: 0x, hex digits with an optional point, an optional binary exponent (p).</summary>
    private static bool Hexadecimal(ReadOnlySpan<byte> s, out double value, out int length, out bool underflow)
    {
        ulong mantissa = 0;
        int scale = 0, i = 2;
        bool point = false, nonZero = false;
        for (; i < s.Length && (IsHex(s[i]) || (s[i] == '.' && !point)); i++)
        {
            if (s[i] == '.')
            {
                point = true;
                continue;
            }
            int digit = HexValue(s[i]);
            nonZero |= digit != 0;
            // Past 60 bits the digits only round; they still move the point.
            if (mantissa >> 60 == 0) mantissa = mantissa << 4 | (uint)digit;
            else scale += 4;
            if (point) scale -= 4;
        }
        int end = ExponentEnd(s, i, (byte)'p');
        if (end > i) scale += BinaryExponent(s[(i + 1)..end]);
        length = end;
        value = Math.ScaleB(mantissa, scale);
        underflow = nonZero && (value == 0 || double.IsSubnormal(value));
        return true;
    }

    /// <summary>A signed exponent; one beyond a few thousand is out of range whatever the mantissa, so it is clamped.</summary>
    private static int BinaryExponent(ReadOnlySpan<byte> s)
    {
        bool negative = s[0] == '-';
        int exponent = 0;
        foreach (var b in s[(s[0] is (byte)'+' or (byte)'-' ? 1 : 0)..]) exponent = Math.Min(100_000, exponent * 10 + (b - '0'));
        return negative ? -exponent : exponent;
    }

    /// <summary>Where an exponent (marker, optional sign, at least one digit) starting at <paramref name="i"/> ends; i if there is none.</summary>
    private static int ExponentEnd(ReadOnlySpan<byte> s, int i, byte marker)
    {
        if (i >= s.Length || (s[i] | 0x20) != marker) return i;
        int j = i + 1;
        if (j < s.Length && s[j] is (byte)'+' or (byte)'-') j++;
        if (j >= s.Length || !IsDigit(s[j])) return i;
        while (j < s.Length && IsDigit(s[j])) j++;
        return j;
    }

    /// <summary>"nan" and, if it follows, a parenthesised run of letters, digits and underscores.</summary>
    private static int NanLength(ReadOnlySpan<byte> s)
    {
        if (s.Length <= 3 || s[3] != '(') return 3;
        int close = s[4..].IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"u8);
        return close >= 0 && s[4 + close] == ')' ? 5 + close : 3;
    }

    private static bool Word(double word, int wordLength, out double value, out int length)
    {
        value = word;
        length = wordLength;
        return true;
    }

    private static bool IsInfinityWord(ReadOnlySpan<byte> s) => StartsWithWord(s, "inf");

    private static bool StartsWithWord(ReadOnlySpan<byte> s, string word)
    {
        if (s.Length < word.Length) return false;
        for (int i = 0; i < word.Length; i++)
            if ((s[i] | 0x20) != word[i]) return false;
        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool IsHex(byte b) => IsDigit(b) || (b | 0x20) is >= 'a' and <= 'f';

    private static int HexValue(byte b) => IsDigit(b) ? b - '0' : (b | 0x20) - 'a' + 10;
}
