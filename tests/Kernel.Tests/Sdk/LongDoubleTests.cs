using System.Text;

using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Tests.Sdk;

/// <summary>
/// INCRBYFLOAT arithmetic and output against expectations produced by glibc (strtold, long double add, "%.17Lf"),
/// which is what Redis runs.
/// </summary>
public class LongDoubleTests
{
    [Theory]
    [InlineData("10.50", "0.1", "10.6")]
    [InlineData("10.6", "-5", "5.6")]
    [InlineData("5.0e3", "2.0e2", "5200")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("0.1", "0.7", "0.8")]
    [InlineData("1", "-1.1", "-0.1")]
    [InlineData("17179869184", "1.5", "17179869185.5")]
    [InlineData("17179869184", "17179869184", "34359738368")]
    [InlineData("0.000001", "0.0000001", "0.0000011")]
    [InlineData("-0.00000000000000000001", "0", "0")]
    [InlineData("1e-20", "1e-20", "0")]
    [InlineData("123456789012345678901234567890", "1", "123456789012345678899921813504")]
    [InlineData("99999999999999999999", "1", "100000000000000000000")]
    [InlineData("2.5", "0.0000000000000000025", "2.5")]
    [InlineData("+.5", "5.", "5.5")]
    [InlineData("1e300", "1", "100000000000000000000899732407955919387052394427329074793826008232126564659618093575584915208375049719035037250861427483590359255618467298391309626052074864628732713564184365329408425510760601")]
    public void Sums_print_like_redis(string value, string increment, string expected)
    {
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(value), out var a));
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(increment), out var b));
        var sum = a.Add(b);
        Assert.False(sum.IsInfinity);
        var text = sum.ToRedisString();
        Assert.Equal(expected, expected.Length > 100 ? text[..expected.Length] : text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("abc")]
    [InlineData("nan")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData(".")]
    [InlineData("0x10")]
    [InlineData("1\u00002")]
    [InlineData("1e5000")]
    [InlineData("1e-5000")]
    public void Rejects_what_redis_rejects(string text) =>
        Assert.False(LongDouble.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("inf")]
    [InlineData("-Infinity")]
    [InlineData("1e4932")]
    public void Accepts_long_double_range_and_infinities(string text) =>
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Infinity_and_overflow_are_reported()
    {
        LongDouble.TryParse("inf"u8, out var inf);
        LongDouble.TryParse("1e4932"u8, out var huge);
        Assert.True(LongDouble.Zero.Add(inf).IsInfinity);
        Assert.True(huge.Add(huge).IsInfinity);
    }
}
