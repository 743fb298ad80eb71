using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Tests.Rdb;

public class CanonicalIntegerTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("-1", -1L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parses_what_ll2string_prints(string text, long expected)
    {
        Assert.True(CanonicalInteger.TryParse(RdbModel.B(text), out var value));
        Assert.Equal(expected, value);
        Assert.Equal(text, System.Text.Encoding.ASCII.GetString(CanonicalInteger.Format(value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("-0")]
    [InlineData("01")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616")]
    [InlineData("000000000000000000001")]
    public void Refuses_every_other_text(string text)
    {
        Assert.False(CanonicalInteger.TryParse(RdbModel.B(text), out _));
    }
}
