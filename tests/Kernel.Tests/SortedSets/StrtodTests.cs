using System.Globalization;
using System.Text;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Tests.SortedSets;

/// <summary>Strtod against glibc's strtod: how much of the text it takes, the value ("%.17g") and ERANGE for ±inf/0.</summary>
public class StrtodTests
{
    [Theory]
    [InlineData("0.1", 3, false, "0.10000000000000001")]
    [InlineData("1e20", 4, false, "1e+20")]
    [InlineData("-2.5", 4, false, "-2.5")]
    [InlineData("0x10", 4, false, "16")]
    [InlineData("0x1.8p3", 7, false, "12")]
    [InlineData("0X.8", 4, false, "0.5")]
    [InlineData("0x", 1, false, "0")]
    [InlineData("0xg", 1, false, "0")]
    [InlineData(" 12", 3, false, "12")]
    [InlineData("  -inf", 6, false, "-inf")]
    [InlineData("Infinity", 8, false, "inf")]
    [InlineData("infinit", 3, false, "inf")]
    [InlineData("nan", 3, false, "nan")]
    [InlineData("nan(123)", 8, false, "nan")]
    [InlineData("nan(", 3, false, "nan")]
    [InlineData("1e", 1, false, "1")]
    [InlineData("1e+", 1, false, "1")]
    [InlineData("1.5e-3x", 6, false, "0.0015")]
    [InlineData(".5", 2, false, "0.5")]
    [InlineData("5.", 2, false, "5")]
    [InlineData("-.e1", 0, false, "0")]
    [InlineData("1e400", 5, true, "inf")]
    [InlineData("-1e400", 6, true, "-inf")]
    [InlineData("1e-400", 6, true, "0")]
    [InlineData("4.9e-324", 8, false, "4.9406564584124654e-324")]
    [InlineData("2.5e-320", 8, false, "2.4999721679567075e-320")]
    [InlineData("+0", 2, false, "0")]
    [InlineData("-0", 2, false, "-0")]
    [InlineData("1_000", 1, false, "1")]
    [InlineData("123456789012345678901234567890", 30, false, "1.2345678901234568e+29")]
    [InlineData("0x1p-1080", 9, true, "0")]
    [InlineData("0x1p1030", 8, true, "inf")]
    [InlineData("", 0, false, "0")]
    [InlineData(".", 0, false, "0")]
    [InlineData("+", 0, false, "0")]
    [InlineData("in", 0, false, "0")]
    public void Parses_like_glibc(string text, int length, bool outOfRange, string printed)
    {
        var result = Strtod.Parse(Encoding.ASCII.GetBytes(text));
        Assert.Equal(length, result.Length);
        Assert.Equal(outOfRange, result.OutOfRange);
        Assert.Equal(printed, double.IsNaN(result.Value) ? "nan" : ScoreText.Format(result.Value));
    }

    [Fact]
    public void Decimal_conversion_is_correctly_rounded_like_glibc()
    {
        var random = new Random(3);
        for (int i = 0; i < 1000; i++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FEF_FFFF_FFFF_FFFF));
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            Assert.Equal(value, Strtod.Parse(Encoding.ASCII.GetBytes(text)).Value);
        }
    }
}
