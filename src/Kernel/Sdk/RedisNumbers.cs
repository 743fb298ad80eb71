using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>Number parsing and formatting with Redis's strictness (string2ll, strtold, %.17Lg-like output).</summary>
public static class RedisNumbers
{
    /// <summary>Like Redis string2ll: optional '-', digits, no '+', no spaces, no leading zeros, fits in 64 bits.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 20) return false;
        if (s.Length == 1 && s[0] == (byte)'0') return true;
        int i = 0;
        bool negative = s[0] == (byte)'-';
        if (negative) i++;
        if (i >= s.Length || s[i] < (byte)'1' || s[i] > (byte)'9') return false;
        ulong acc = 0;
        for (; i < s.Length; i++)
        {
            uint d = (uint)(s[i] - '0');
            if (d > 9) return false;
            if (acc > (ulong.MaxValue - d) / 10) return false;
            acc = acc * 10 + d;
        }
        if (negative)
        {
            if (acc > (ulong)long.MaxValue + 1) return false;
            value = (long)(0 - acc);
        }
        else
        {
            if (acc > long.MaxValue) return false;
            value = (long)acc;
        }
        return true;
    }

    /// <summary>Like Redis's float parsing: no spaces, no nan; "inf", "+inf", "-inf" accepted.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 256) return false;
        if (IsSpace(s[0]) || IsSpace(s[^1])) return false;
        var text = Encoding.ASCII.GetString(s);
        switch (text.ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        foreach (var c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or '-' or '+' or 'e' or 'E')) return false;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        return !double.IsNaN(value);
    }

    /// <summary>Shortest text that round-trips, without exponent (as INCRBYFLOAT replies: "10.6", "5200").</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (value == 0) return "0";
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        if (!r.Contains('E')) return r;
        // Expand the exponent form exactly from the round-trip digits.
        var parts = r.Split('E');
        int exponent = int.Parse(parts[1], CultureInfo.InvariantCulture);
        bool negative = parts[0].StartsWith('-');
        var mantissa = parts[0].TrimStart('-');
        int dot = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "");
        int pointPos = (dot < 0 ? mantissa.Length : dot) + exponent;
        string result;
        if (pointPos <= 0) result = "0." + new string('0', -pointPos) + digits;
        else if (pointPos >= digits.Length) result = digits + new string('0', pointPos - digits.Length);
        else result = digits[..pointPos] + "." + digits[pointPos..];
        return negative ? "-" + result : result;
    }

    public static byte[] ToBytes(long value)
    {
        Span<byte> buffer = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, buffer, out int written);
        return buffer[..written].ToArray();
    }

    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> arg, string ascii)
    {
        if (arg.Length != ascii.Length) return false;
        for (int i = 0; i < arg.Length; i++)
        {
            if (char.ToUpperInvariant((char)arg[i]) != char.ToUpperInvariant(ascii[i])) return false;
        }
        return true;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';

}
