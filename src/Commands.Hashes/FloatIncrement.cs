using System.Globalization;
using System.Text;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// HINCRBYFLOAT's arithmetic. Redis adds in long double and prints "%.17Lf" without trailing zeros, so 0.1 + 0.2 is
/// "0.3" there, not double's 0.30000000000000004. Decimal arithmetic rounded to 17 places prints the same for the
/// decimal inputs people use; beyond decimal's range (about 7.9e28) the sum falls back to double.
/// </summary>
internal static class FloatIncrement
{
    private const int FractionDigits = 17;

    /// <summary>The sum's text as Redis stores and replies it, or null when it is infinite. Both inputs must be valid floats.</summary>
    public static string? Add(ReadOnlySpan<byte> current, ReadOnlySpan<byte> increment)
    {
        if (TryParseDecimal(current, out var a) && TryParseDecimal(increment, out var b))
        {
            try
            {
                return Format(a + b);
            }
            catch (OverflowException)
            {
                // falls back to double below
            }
        }
        RedisNumbers.TryParseDouble(current, out var x);
        RedisNumbers.TryParseDouble(increment, out var y);
        double sum = x + y;
        return double.IsInfinity(sum) || double.IsNaN(sum) ? null : RedisNumbers.FormatDouble(sum);
    }

    private static bool TryParseDecimal(ReadOnlySpan<byte> text, out decimal value) =>
        decimal.TryParse(Encoding.ASCII.GetString(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string Format(decimal value)
    {
        var rounded = Math.Round(value, FractionDigits, MidpointRounding.ToEven);
        return rounded == 0 ? "0" : rounded.ToString("0." + new string('#', FractionDigits), CultureInfo.InvariantCulture);
    }
}
