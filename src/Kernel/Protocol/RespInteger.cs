using System.Buffers;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Parses the lengths in RESP header lines as strictly as Redis's string2ll: an optional '-', no '+',
/// no leading zeros, no spaces, no overflow.</summary>
internal static class RespInteger
{
    // "-9223372036854775808" is the longest text that can be a valid long.
    private const int MaxDigitsWithSign = 20;

    public static bool TryParse(in ReadOnlySequence<byte> text, out long value)
    {
        value = 0;
        if (text.Length > MaxDigitsWithSign)
            return false;
        Span<byte> copy = stackalloc byte[MaxDigitsWithSign];
        text.CopyTo(copy);
        return TryParse(copy[..(int)text.Length], out value);
    }

    public static bool TryParse(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.Length == 1 && text[0] == (byte)'0')
            return true;

        bool negative = text.Length > 0 && text[0] == (byte)'-';
        ReadOnlySpan<byte> digits = negative ? text[1..] : text;
        if (digits.IsEmpty || digits[0] < (byte)'1' || digits[0] > (byte)'9')
            return false;

        ulong magnitude = 0;
        foreach (byte digit in digits)
        {
            if (digit < (byte)'0' || digit > (byte)'9')
                return false;
            if (magnitude > (ulong.MaxValue - 9) / 10)
                return false;
            magnitude = magnitude * 10 + (ulong)(digit - '0');
        }

        ulong limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit)
            return false;
        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }
}
