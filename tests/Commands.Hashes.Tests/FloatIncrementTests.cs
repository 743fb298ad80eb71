using System.Text;

namespace RedisOnMySql.Commands.Hashes.Tests;

public class FloatIncrementTests
{
    [Theory]
    [InlineData("0", "10.5", "10.5")]
    [InlineData("10.5", "0.1", "10.6")]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("5.0e3", "0", "5000")]
    [InlineData("3", "-3", "0")]
    [InlineData("-0.0", "0", "0")]
    [InlineData("1", "1e-40", "1")]
    [InlineData("0", "0.00000000000000001", "0.00000000000000001")]
    public void Sums_print_as_redis_prints_them(string current, string increment, string expected) =>
        Assert.Equal(expected, FloatIncrement.Add(Encoding.ASCII.GetBytes(current), Encoding.ASCII.GetBytes(increment)));

    [Fact]
    public void An_infinite_sum_is_refused() =>
        Assert.Null(FloatIncrement.Add("1e308"u8, "1e308"u8));
}
