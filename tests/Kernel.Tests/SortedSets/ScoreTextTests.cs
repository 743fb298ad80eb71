using System.Text;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Tests.SortedSets;

/// <summary>Scores as Redis reads them (string2d) and prints them (addReplyDouble's "%.17g", and zzlInsertAt's form).</summary>
public class ScoreTextTests
{
    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("INFINITY", double.PositiveInfinity)]
    [InlineData("0x1p4", 16.0)]
    [InlineData("1e308", 1e308)]
    [InlineData("4.9e-324", double.Epsilon)]
    public void Accepts_what_redis_accepts(string text, double expected)
    {
        Assert.True(ScoreText.TryParse(Encoding.ASCII.GetBytes(text), out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("nan")]
    [InlineData("1e400")]
    [InlineData("1e-400")]
    [InlineData("1x")]
    [InlineData("1\u00002")]
    [InlineData("abc")]
    public void Refuses_what_redis_refuses(string text) =>
        Assert.False(ScoreText.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData(0.0, "0", "0")]
    [InlineData(-0.0, "-0", "0")]
    [InlineData(1.5, "1.5", "1.5")]
    [InlineData(0.1, "0.10000000000000001", "0.10000000000000001")]
    [InlineData(1e17, "1e+17", "100000000000000000")]
    [InlineData(1e16, "10000000000000000", "10000000000000000")]
    [InlineData(4.6116860184273879e18, "4.6116860184273879e+18", "4611686018427387904")]
    [InlineData(9.2233720368547758e18, "9.2233720368547758e+18", "9.2233720368547758e+18")]
    [InlineData(0.0001, "0.0001", "0.0001")]
    [InlineData(0.00001, "1.0000000000000001e-05", "1.0000000000000001e-05")]
    [InlineData(-1e-300, "-1e-300", "-1e-300")]
    [InlineData(double.PositiveInfinity, "inf", "inf")]
    [InlineData(double.NegativeInfinity, "-inf", "-inf")]
    public void Prints_as_redis_replies_and_stores(double score, string reply, string stored)
    {
        Assert.Equal(reply, ScoreText.Format(score));
        Assert.Equal(stored, ScoreText.FormatStored(score));
    }
}
