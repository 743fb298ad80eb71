using System.Numerics;
using System.Text;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// An x87 80-bit long double (64-bit mantissa, exponent up to 2^16383), emulated exactly with BigInteger.
/// Redis does INCRBYFLOAT and HINCRBYFLOAT in long double and prints the result with "%.17Lf" and trailing zeros removed, so
/// 0.1 + 0.2 is "0.3" there where double arithmetic would give 0.30000000000000004; inputs up to ~1e4932 parse.
/// Not modelled: hexadecimal input ("0x1p3", rejected here) and the reduced precision of subnormals.
/// </summary>
public readonly struct LongDouble
{
    private const int MantissaBits = 64;
    private const int MaxBinaryExponent = 16384;   // |value| < 2^16384
    private const int MinBinaryExponent = -16446;  // below half the smallest subnormal a value rounds to zero
    private const int MaxInputLength = 5 * 1024;   // Redis's MAX_LONG_DOUBLE_CHARS
    private const int FractionDigits = 17;

    private static readonly BigInteger MantissaLimit = BigInteger.One << MantissaBits;

    // value = _mantissa * 2^_exponent; |_mantissa| < 2^64
    private readonly BigInteger _mantissa;
    private readonly int _exponent;

    private LongDouble(BigInteger mantissa, int exponent, bool infinite = false)
    {
        _mantissa = mantissa;
        _exponent = exponent;
        IsInfinity = infinite;
    }

    public bool IsInfinity { get; }

    public static readonly LongDouble Zero = new(BigInteger.Zero, 0);

    /// <summary>Like Redis's string2ld: the whole text is a number (strtold syntax), no leading space, no NaN, no overflow or underflow to zero.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out LongDouble value)
    {
        value = Zero;
        if (text.Length == 0 || text.Length >= MaxInputLength) return false;
        int i = 0;
        bool negative = false;
        if (text[0] is (byte)'+' or (byte)'-')
        {
            negative = text[0] == (byte)'-';
            i++;
        }
        var rest = Encoding.ASCII.GetString(text[i..]).ToLowerInvariant();
        if (rest is "inf" or "infinity")
        {
            value = new LongDouble(negative ? BigInteger.MinusOne : BigInteger.One, 0, infinite: true);
            return true;
        }

        var digits = new StringBuilder();
        int fraction = 0;
        bool sawDigit = false;
        for (; i < text.Length && char.IsAsciiDigit((char)text[i]); i++, sawDigit = true) digits.Append((char)text[i]);
        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit((char)text[i]); i++, fraction++, sawDigit = true) digits.Append((char)text[i]);
        }
        if (!sawDigit) return false;
        long exponent = 0;
        if (i < text.Length && text[i] is (byte)'e' or (byte)'E')
        {
            i++;
            bool negativeExponent = false;
            if (i < text.Length && text[i] is (byte)'+' or (byte)'-') negativeExponent = text[i++] == (byte)'-';
            int start = i;
            for (; i < text.Length && char.IsAsciiDigit((char)text[i]); i++)
                exponent = Math.Min(exponent * 10 + (text[i] - '0'), 1_000_000); // far beyond any finite long double
            if (i == start) return false;
            if (negativeExponent) exponent = -exponent;
        }
        if (i != text.Length) return false;

        var significand = BigInteger.Parse(digits.ToString());
        if (significand.IsZero)
        {
            value = Zero;
            return true;
        }
        long scale = exponent - fraction;
        long magnitude = scale + digits.Length; // the value is below 10^magnitude
        if (magnitude > 4940) return false;     // overflow: strtold returns HUGE_VAL
        if (magnitude < -4960) return false;    // underflow to zero
        var result = scale >= 0
            ? Round(significand * BigInteger.Pow(10, (int)scale), BigInteger.One, 0)
            : Round(significand, BigInteger.Pow(10, (int)-scale), 0);
        if (result.IsInfinity || result._mantissa.IsZero) return false;
        value = negative ? result.Negate() : result;
        return true;
    }

    public LongDouble Add(LongDouble other)
    {
        if (IsInfinity || other.IsInfinity)
            return new LongDouble(IsInfinity ? _mantissa : other._mantissa, 0, infinite: true);
        int exponent = Math.Min(_exponent, other._exponent);
        var sum = (_mantissa << (_exponent - exponent)) + (other._mantissa << (other._exponent - exponent));
        if (sum.IsZero) return Zero;
        var rounded = Round(BigInteger.Abs(sum), BigInteger.One, exponent);
        return sum.Sign < 0 ? rounded.Negate() : rounded;
    }

    /// <summary>Redis's human-friendly output: "%.17Lf", trailing zeros and point removed, "-0" as "0".</summary>
    public string ToRedisString()
    {
        var magnitude = BigInteger.Abs(_mantissa);
        BigInteger scaled; // |value| * 10^17, rounded half to even
        if (_exponent >= 0)
        {
            scaled = (magnitude << _exponent) * BigInteger.Pow(10, FractionDigits);
        }
        else
        {
            var numerator = magnitude * BigInteger.Pow(10, FractionDigits);
            scaled = numerator >> -_exponent;
            var remainder = numerator - (scaled << -_exponent);
            var half = BigInteger.One << (-_exponent - 1);
            if (remainder > half || (remainder == half && !scaled.IsEven)) scaled += 1;
        }
        var text = scaled.ToString().PadLeft(FractionDigits + 1, '0');
        var whole = text[..^FractionDigits];
        var fraction = text[^FractionDigits..].TrimEnd('0');
        var result = fraction.Length == 0 ? whole : whole + "." + fraction;
        return _mantissa.Sign < 0 && result != "0" ? "-" + result : result;
    }

    private LongDouble Negate() => new(-_mantissa, _exponent, IsInfinity);

    /// <summary>The long double nearest to numerator / denominator * 2^exponent (positive), ties to even.</summary>
    private static LongDouble Round(BigInteger numerator, BigInteger denominator, int exponent)
    {
        long shift = (long)numerator.GetBitLength() - (long)denominator.GetBitLength() - MantissaBits;
        while (true)
        {
            var n = shift < 0 ? numerator << (int)-shift : numerator;
            var d = shift > 0 ? denominator << (int)shift : denominator;
            var quotient = BigInteger.DivRem(n, d, out var remainder);
            if (quotient >= MantissaLimit) { shift++; continue; }
            if (quotient < MantissaLimit >> 1) { shift--; continue; }
            var twice = remainder << 1;
            if (twice > d || (twice == d && !quotient.IsEven)) quotient += 1;
            if (quotient == MantissaLimit)
            {
                quotient >>= 1;
                shift++;
            }
            long finalExponent = shift + exponent;
            if (finalExponent + MantissaBits > MaxBinaryExponent) return new LongDouble(BigInteger.One, 0, infinite: true);
            if (finalExponent + MantissaBits < MinBinaryExponent) return Zero;
            return new LongDouble(quotient, (int)finalExponent);
        }
    }
}
