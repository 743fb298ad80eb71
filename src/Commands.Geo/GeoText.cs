using System.Globalization;
using System.Numerics;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// Numbers as Redis 7.0's geo commands print them, exactly as C's printf rounds (the exact binary value, ties to even):
/// distances with four decimals, coordinates with up to 17 and no trailing zeros, and the "%f" of its error texts.
/// </summary>
internal static class GeoText
{
    /// <summary>Longest <see cref="WriteCoordinate"/> or <see cref="WriteDistance"/> output: sign, 20 digits, point, 17 decimals.</summary>
    public const int MaxLength = 40;

    private const int CoordinateDecimals = 17;
    private const ulong CoordinateScale = 100_000_000_000_000_000;
    private const int DistanceDecimals = 4;

    /// <summary>2^63: llrint's result for a value beyond a long (or NaN) is long.MinValue, which Redis prints negated.</summary>
    private const double LongLimit = 9223372036854775808.0;

    /// <summary>
    /// Redis's addReplyDoubleDistance (fixedpoint_d2string): the value times 10^4 rounded to an integer (ties to even,
    /// as llrint does), printed with four decimals.
    /// </summary>
    public static int WriteDistance(double meters, Span<byte> destination)
    {
        double scaled = Math.Round(meters * 10000.0, MidpointRounding.ToEven);
        // A NaN distance (Redis's haversine of two antipodal points can take asin of a hair above 1) prints as llrint made it.
        if (!(Math.Abs(scaled) < LongLimit)) return WriteScaled(true, (UInt128)LongLimit, DistanceDecimals, trim: false, destination);
        return WriteScaled(scaled < 0, (UInt128)Math.Abs(scaled), DistanceDecimals, trim: false, destination);
    }

    /// <summary>
    /// Redis's addReplyHumanLongDouble in RESP2: "%.17Lf" of the value, trailing zeros and a bare point dropped, and "-0"
    /// printed "0". A coordinate is at most 180 in magnitude, so the value times 10^17 stays within 128 bits.
    /// </summary>
    public static int WriteCoordinate(double degrees, Span<byte> destination)
    {
        var (mantissa, exponent) = Decompose(degrees);
        // Below 2^52 in magnitude a double has a fractional exponent, so this is a division by a power of two.
        var scaled = ShiftRightToEven(mantissa * CoordinateScale, -exponent);
        return WriteScaled(double.IsNegative(degrees), scaled, CoordinateDecimals, trim: true, destination);
    }

    /// <summary>C's "%.Nf" of any double (the numbers of an error text, so not a hot path): "inf", or every integer digit.</summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var (mantissa, exponent) = Decompose(value);
        var scaled = (BigInteger)(ulong)mantissa * BigInteger.Pow(10, decimals);
        if (exponent >= 0) scaled <<= exponent;
        else
        {
            var divisor = BigInteger.One << -exponent;
            var quotient = BigInteger.DivRem(scaled, divisor, out var remainder);
            int half = (remainder * 2).CompareTo(divisor);
            scaled = half > 0 || (half == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
        }
        var digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return double.IsNegative(value) ? "-" + text : text;
    }

    /// <summary>|value| = mantissa × 2^exponent, with the mantissa an integer of at most 53 bits.</summary>
    private static (UInt128 Mantissa, int Exponent) Decompose(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int biased = (int)((bits >> 52) & 0x7FF);
        ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
        return biased == 0 ? (fraction, -1074) : (fraction | 1UL << 52, biased - 1075);
    }

    /// <summary><paramref name="value"/> / 2^<paramref name="shift"/>, rounded to nearest, ties to even.</summary>
    private static UInt128 ShiftRightToEven(UInt128 value, int shift)
    {
        if (shift >= 128) return 0;
        UInt128 quotient = value >> shift, remainder = value - (quotient << shift), half = UInt128.One << (shift - 1);
        return remainder > half || (remainder == half && (quotient & 1) == 1) ? quotient + 1 : quotient;
    }

    /// <summary>
    /// Writes <paramref name="scaled"/> / 10^<paramref name="decimals"/> with its sign, at least one integer digit, and
    /// the decimals (with <paramref name="trim"/> their trailing zeros and a bare point dropped, and "-0" as "0").
    /// </summary>
    private static int WriteScaled(bool negative, UInt128 scaled, int decimals, bool trim, Span<byte> destination)
    {
        Span<byte> digits = stackalloc byte[MaxLength];
        int count = 0;
        do
        {
            digits[count++] = (byte)('0' + (int)(scaled % 10));
            scaled /= 10;
        }
        while (scaled != 0 || count <= decimals);
        // digits holds the number backwards; the last `decimals` of the number come first.
        int kept = 0;
        if (trim)
        {
            while (kept < decimals && digits[kept] == '0') kept++;
        }
        int length = 0;
        bool zero = count == decimals + 1 && digits[decimals] == '0' && kept == decimals;
        if (negative && !(trim && zero)) destination[length++] = (byte)'-';
        for (int i = count - 1; i >= decimals; i--) destination[length++] = digits[i];
        if (kept < decimals)
        {
            destination[length++] = (byte)'.';
            for (int i = decimals - 1; i >= kept; i--) destination[length++] = digits[i];
        }
        return length;
    }
}
