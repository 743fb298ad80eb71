using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// Score texts. The sscanf cases are what redis-server 7.0 answered when restoring an RDB_TYPE_ZSET with that score
/// (ZSCORE, or "Bad data format"); <see cref="RedisLegacyPayloadTests"/> asks it again.
/// </summary>
public class DoubleTextTests
{
    public static TheoryData<string, string?> ScanfCases => new()
    {
        { "1e", "1" }, { "1ex", "1" }, { "1e+", "1" }, { "100ergs", "100" }, { "0x", null }, { "0x1p3", "8" },
        { "0xg", null }, { "infx", "inf" }, { "infinity", "inf" }, { "infinit", null }, { "infi", null },
        { "1.5abc", "1.5" }, { " 12", "12" }, { "\t\n7", "7" }, { "", null }, { "  ", null }, { "abc", null },
        { "-", null }, { ".", null }, { "1.", "1" }, { ".5", "0.5" }, { "1e5000", "inf" }, { "1e-5000", "0" },
        { "0x1.8p1", "3" }, { "+inf", "inf" }, { "-inf", "-inf" }, { "INF", "inf" }, { "1\u00002", "1" },
        { "0x1p", "1" }, { "0x.p1", "0" }, { "0x.", "0" }, { "0xp1", null }, { "0x.1", "0.0625" }, { "0x1e", "30" },
        { "1.e5", "100000" }, { "-0x1p1", "-2" }, { "0x1p-", "1" }, { "0xx", null }, { "00x1", "0" },
        { ".e1", null }, { "1e1.5", "10" }, { "\u000b5", "5" }, { "- 1", null }, { "+-1", null }, { "e5", null },
        { "2.5e-320", "2.4999721679567075e-320" }, { "0x1P-1074", "4.9406564584124654e-324" },
        { "0x1p99999", "inf" }, { "1.2.3", "1.2" }, { "0x10000000000000001p0", "1.8446744073709552e+19" },
        { "0x1.00000000000008p0", "1" }, { "0x1.000000000000081p0", "1.0000000000000002" },
        { "0x1.0000000000000180p0", "1" }, { "0x1.00000000000018p0", "1.0000000000000004" }, { "0x0.0000000000001p-1022", "4.9406564584124654e-324" },
        { "0x0.00000000000008p-1022", "0" }, { "0x0.00000000000018p-1022", "9.8813129168249309e-324" },
    };

    [Theory]
    [MemberData(nameof(ScanfCases))]
    public void Reads_like_glibc_sscanf(string text, string? expected)
    {
        var ok = DoubleText.TryParseLikeScanf(RdbModel.B(text), out var value);
        Assert.Equal(expected, ok ? DoubleText.Format(value) : null);
    }

    [Theory]
    [InlineData("abc", "0")]
    [InlineData("0x", "0")]
    [InlineData("infinit", "inf")]
    [InlineData("", "0")]
    [InlineData("3.5xyz", "3.5")]
    [InlineData("-0", "-0")]
    public void Reads_like_strtod_which_never_fails(string text, string expected)
    {
        Assert.Equal(expected, DoubleText.Format(DoubleText.ParseLikeStrtod(RdbModel.B(text))));
    }

    [Fact]
    public void Nan_reads_as_nan()
    {
        Assert.True(double.IsNaN(DoubleText.ParseLikeStrtod("nan"u8)));
        Assert.True(DoubleText.TryParseLikeScanf("-NaN"u8, out var value) && double.IsNaN(value));
    }

    [Theory]
    [InlineData(0.1, "0.10000000000000001")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(2.5e-320, "2.4999721679567075e-320")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Formats_like_percent_17g(double value, string expected)
    {
        Assert.Equal(expected, DoubleText.Format(value));
    }

    [Fact]
    public void Negative_zero_is_the_integer_0()
    {
        Assert.True(DoubleText.TryGetInteger(-0.0, out var integer));
        Assert.Equal(0, integer);
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(3.0, true)]
    [InlineData(-4611686018427387904.0, true)]
    [InlineData(4611686018427387904.0, true)]
    [InlineData(4611686018427388928.0, false)]
    [InlineData(0.5, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Integral_scores_within_2_pow_62_are_integers(double value, bool integral)
    {
        Assert.Equal(integral, DoubleText.TryGetInteger(value, out var integer));
        if (integral) Assert.True(value == integer);
    }
}
