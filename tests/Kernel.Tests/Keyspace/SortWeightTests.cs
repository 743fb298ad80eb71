using System.Text;
using RedisOnMySql.Kernel.Families.Keyspace;
using Xunit;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>
/// SORT's weights read as C's strtod reads them. The differential cases cover most forms against redis-server; the
/// out-of-range ones are here because Redis checks a stale errno (see cases/sort.redis).
/// </summary>
public sealed class SortWeightTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("42", 42)]
    [InlineData("-2.5", -2.5)]
    [InlineData("+7", 7)]
    [InlineData(" \t\n7", 7)]
    [InlineData("1e3", 1000)]
    [InlineData("1e", double.NaN)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("0x10", 16)]
    [InlineData("0x1p4", 16)]
    [InlineData("0X1.8p1", 3)]
    [InlineData("-0x.8", -0.5)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("3\0junk", 3)]
    public void Reads_what_strtod_reads_to_the_end(string text, double expected)
    {
        bool read = SortWeight.TryParse(Encoding.Latin1.GetBytes(text), out var weight);
        if (double.IsNaN(expected)) Assert.False(read);
        else
        {
            Assert.True(read);
            Assert.Equal(expected, weight);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("  ")]
    [InlineData("5 ")]
    [InlineData("1x")]
    [InlineData("0x")]
    [InlineData("nan")]
    [InlineData("-nan(123)")]
    [InlineData("infinit")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1e-400")]
    [InlineData("4e-320")]
    [InlineData("0x1p99999")]
    [InlineData("0x1p-99999")]
    public void Refuses_text_after_the_number_nan_and_values_out_of_range(string text) =>
        Assert.False(SortWeight.TryParse(Encoding.Latin1.GetBytes(text), out _));

    [Fact]
    public void Zero_written_any_way_is_not_an_underflow()
    {
        foreach (var zero in new[] { "0", "0.000", "0e-999", "-0", "0x0p-5000" })
            Assert.True(SortWeight.TryParse(Encoding.ASCII.GetBytes(zero), out _), zero);
    }
}
