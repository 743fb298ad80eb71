using System.Text;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Tests.SortedSets;

/// <summary>Score and lex ranges as Redis parses them, and the inclusive bounds SQL gets.</summary>
public class RangeParsingTests
{
    [Theory]
    [InlineData("1", "2", 1.0, false, 2.0, false)]
    [InlineData("(1", "(2", 1.0, true, 2.0, true)]
    [InlineData("-inf", "+inf", double.NegativeInfinity, false, double.PositiveInfinity, false)]
    [InlineData("", "(", 0.0, false, 0.0, true)]
    [InlineData(" 1", "1e400", 1.0, false, double.PositiveInfinity, false)]
    [InlineData("0x10", "1\u0000junk", 16.0, false, 1.0, false)]
    public void Score_bounds_parse_with_strtod(string min, string max, double low, bool lowExclusive, double high, bool highExclusive) =>
        Assert.Equal(new ScoreRange(low, lowExclusive, high, highExclusive), ScoreRange.Parse(Bytes(min), Bytes(max)));

    [Theory]
    [InlineData("x", "1")]
    [InlineData("1", "nan")]
    [InlineData("1 ", "2")]
    [InlineData(" ", "2")]
    [InlineData("((1", "2")]
    public void Bad_score_bounds_are_refused(string min, string max) => Assert.Null(ScoreRange.Parse(Bytes(min), Bytes(max)));

    [Fact]
    public void Exclusive_bounds_move_to_the_next_double()
    {
        var range = ScoreRange.Parse(Bytes("(1"), Bytes("(-inf"))!;
        Assert.True(range.IsEmpty);
        var open = ScoreRange.Parse(Bytes("(-inf"), Bytes("(0"))!;
        Assert.Equal(double.MinValue, open.LowestInside);
        Assert.Equal(-double.Epsilon, open.HighestInside);
        Assert.True(ScoreRange.Parse(Bytes("(2"), Bytes("(2"))!.IsEmpty);
        Assert.False(ScoreRange.Parse(Bytes("2"), Bytes("2"))!.IsEmpty);
    }

    [Theory]
    [InlineData("-", "+", false)]
    [InlineData("+", "-", true)]
    [InlineData("-", "-", true)]
    [InlineData("+", "+", true)]
    [InlineData("[a", "[a", false)]
    [InlineData("[a", "(a", true)]
    [InlineData("[b", "[a", true)]
    [InlineData("[", "+", false)]
    public void Lex_ranges_know_when_they_are_empty(string min, string max, bool empty) =>
        Assert.Equal(empty, LexRange.Parse(Bytes(min), Bytes(max))!.IsEmpty);

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("-a")]
    [InlineData("+a")]
    public void Lex_bounds_need_a_marker(string bound) => Assert.Null(LexRange.Parse(Bytes(bound), Bytes("+")));

    [Fact]
    public void Lex_ranges_compare_raw_bytes()
    {
        var range = LexRange.Parse([(byte)'[', 0x7f], [(byte)'(', 0xff])!;
        Assert.True(range.Contains([0x7f]));
        Assert.True(range.Contains([0x80, 0x00]));
        Assert.False(range.Contains([0xff]));
        Assert.False(range.Contains([0x7e, 0xff]));
        Assert.True(LexRange.Parse(Bytes("-"), Bytes("+"))!.Contains([]));
    }

    private static byte[] Bytes(string s) => Encoding.Latin1.GetBytes(s);
}
