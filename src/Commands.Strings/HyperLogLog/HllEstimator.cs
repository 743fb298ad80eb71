namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// Redis 7.0's cardinality estimate from the register histogram: Otmar Ertl's improved estimator ("New cardinality
/// estimation algorithms for HyperLogLog sketches", arXiv:1702.01284), with Redis's rounding.
/// </summary>
internal static class HllEstimator
{
    /// <summary>The histogram has one count per register value 0 to 63.</summary>
    public const int HistogramSize = 64;

    private const double AlphaInfinity = 0.721347520444481703680; // 0.5 / ln 2

    /// <summary>What Redis answers when the estimate overflows a long long: llroundl's LLONG_MIN read as unsigned.</summary>
    private const ulong Overflow = 1UL << 63;

    public static ulong Estimate(ReadOnlySpan<int> histogram)
    {
        double m = HllValue.RegisterCount;
        double z = m * Tau((m - histogram[HllValue.Q + 1]) / m);
        for (int j = HllValue.Q; j >= 1; j--)
        {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * Sigma(histogram[0] / m);
        double estimate = Math.Round(AlphaInfinity * m * m / z, MidpointRounding.AwayFromZero);
        return estimate < Overflow ? (ulong)estimate : Overflow;
    }

    private static double Sigma(double x)
    {
        if (x == 1) return double.PositiveInfinity;
        double y = 1, z = x, previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (previous != z);
        return z;
    }

    private static double Tau(double x)
    {
        if (x == 0 || x == 1) return 0;
        double y = 1, z = 1 - x, previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            // Redis writes pow(1 - x, 2), which compilers turn into this product.
            z -= (1 - x) * (1 - x) * y;
        } while (previous != z);
        return z / 3;
    }
}
