using System.Text;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// The number conversions Redis's config code uses, with their C quirks kept, since the values they accept and
/// what they make of them are part of the contract: a memory value overflowing 64 bits wraps, strtoll clamps.
/// </summary>
internal static class CNumberText
{
    private static readonly (string Unit, ulong Multiplier)[] MemoryUnits =
    [
        ("", 1), ("b", 1), ("k", 1000), ("kb", 1024), ("m", 1000 * 1000), ("mb", 1024 * 1024),
        ("g", 1000L * 1000 * 1000), ("gb", 1024L * 1024 * 1024),
    ];

    /// <summary>
    /// Redis's memtoull: digits (possibly none: "" and "kb" are 0) and an optional unit b, k, kb, m, mb, g, gb in any
    /// case; no sign, no spaces. Too many digits saturate and the unit's multiplication wraps, as in C.
    /// </summary>
    public static bool TryParseMemory(string text, out ulong value)
    {
        value = 0;
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        var unit = text[digits..];
        int known = Array.FindIndex(MemoryUnits, u => u.Unit.Equals(unit, StringComparison.OrdinalIgnoreCase));
        if (known < 0 || digits >= 128) return false;
        ulong number = 0;
        foreach (char c in text.AsSpan(0, digits))
        {
            uint digit = (uint)(c - '0');
            if (number > (ulong.MaxValue - digit) / 10)
            {
                number = ulong.MaxValue;
                break;
            }
            number = number * 10 + digit;
        }
        value = unchecked(number * MemoryUnits[known].Multiplier);
        return true;
    }

    /// <summary>Redis's string2ll: optional '-', digits without leading zeros, nothing else, within 64 bits.</summary>
    public static bool TryParseInteger(string text, out long value) =>
        RedisNumbers.TryParseInt64(Encoding.Latin1.GetBytes(text), out value);

    /// <summary>
    /// C's strtoll: leading white space, an optional sign, the digits of <paramref name="radix"/>; a value past 64 bits
    /// clamps. <paramref name="whole"/> says whether the number is all of the text (what Redis checks with endptr):
    /// with no digits nothing is consumed, so only "" is whole.
    /// </summary>
    public static long StrToLong(string text, int radix, out bool whole, out bool overflow)
    {
        overflow = false;
        int i = 0;
        while (i < text.Length && Strtod.IsSpace((byte)text[i])) i++;
        bool negative = false;
        if (i < text.Length && text[i] is '+' or '-') negative = text[i++] == '-';
        int start = i;
        Int128 magnitude = 0;
        for (; i < text.Length && DigitValue(text[i]) is var digit && digit < radix; i++)
        {
            magnitude = magnitude * radix + digit;
            if (magnitude > (Int128)long.MaxValue + 1) magnitude = (Int128)long.MaxValue + 2;
        }
        if (i == start)
        {
            whole = text.Length == 0;
            return 0;
        }
        whole = i == text.Length;
        var signed = negative ? -magnitude : magnitude;
        if (signed > long.MaxValue || signed < long.MinValue)
        {
            overflow = true;
            return negative ? long.MinValue : long.MaxValue;
        }
        return (long)signed;
    }

    /// <summary>Redis's string2d: strtod over the whole text, no leading space, no nan, no overflow or underflow to zero.</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        value = 0;
        var bytes = Encoding.Latin1.GetBytes(text);
        if (bytes.Length == 0 || Strtod.IsSpace(bytes[0])) return false;
        var parsed = Strtod.Parse(bytes);
        if (parsed.Length != bytes.Length || parsed.OutOfRange || double.IsNaN(parsed.Value)) return false;
        value = parsed.Value;
        return true;
    }

    private static int DigitValue(char c) => char.IsAsciiDigit(c) ? c - '0' : int.MaxValue;
}
