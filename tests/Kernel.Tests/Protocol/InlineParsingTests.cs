using System.Buffers;
using RedisOnMySql.Kernel.Protocol;
using static RedisOnMySql.Kernel.Tests.Protocol.ProtocolTestData;

namespace RedisOnMySql.Kernel.Tests.Protocol;

public class InlineParsingTests
{
    [Theory]
    [InlineData("PING\r\n", new[] { "PING" })]
    [InlineData("PING\n", new[] { "PING" })]
    [InlineData("  SET\tkey   value \r\n", new[] { "SET", "key", "value" })]
    [InlineData("SET \"a b\" 'c d'\n", new[] { "SET", "a b", "c d" })]
    [InlineData("ECHO \"\"\n", new[] { "ECHO", "" })]
    [InlineData("ECHO ''\n", new[] { "ECHO", "" })]
    [InlineData("ECHO \"\\n\\r\\t\\b\\a\\\\\\\"\"\n", new[] { "ECHO", "\n\r\t\b\a\\\"" })]
    [InlineData("ECHO \"\\x41\\xfF\\x0g\\q\"\n", new[] { "ECHO", "A\xff" + "x0gq" })]
    [InlineData("ECHO 'it\\'s \\n \"x\"'\n", new[] { "ECHO", "it's \\n \"x\"" })]
    [InlineData("ECHO ab\"c d\" x'e f'\n", new[] { "ECHO", "abc d", "xe f" })]
    [InlineData("ECHO \"a\"\tb\n", new[] { "ECHO", "a", "b" })]
    [InlineData("ECHO \"a\"\vb\n", new[] { "ECHO", "a", "b" })]
    [InlineData("ECHO a\vb\n", new[] { "ECHO", "a\vb" })]
    [InlineData("ECHO a\rb\n", new[] { "ECHO", "a", "b" })]
    [InlineData("ECHO a\0 ignored \"\n", new[] { "ECHO", "a" })]
    public void SplitsLikeSdsSplitArgs(string input, string[] expected)
    {
        Assert.Equal(expected, ParseOne(input));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData(" \t \r\n")]
    public void BlankLineIsAnEmptyRequest(string input)
    {
        Assert.Empty(ParseOne(input));
    }

    [Theory]
    [InlineData("ECHO \"abc\n")]
    [InlineData("ECHO 'abc\n")]
    [InlineData("ECHO \"abc\"def\n")]
    [InlineData("ECHO 'abc'def\n")]
    [InlineData("ECHO \"abc\\\"\n")]
    [InlineData("ECHO \"a\0\"\n")]
    public void UnbalancedQuotesAreRejected(string input)
    {
        Assert.Equal("unbalanced quotes in request", ProtocolError(input));
    }

    [Theory]
    [InlineData("PING")]
    [InlineData("PING\r")]
    [InlineData("SET \"a")]
    public void LineWithoutNewlineNeedsMore(string input)
    {
        Assert.True(NeedsMore(input));
    }

    [Fact]
    public void PipelinedInlineLinesSplitAcrossSegments()
    {
        var buffer = TestSegment.SplitAt(Bytes("SET k \"v 1\"\r\nGET k\n"), 3, 9, 13);
        var args = new List<byte[]>();

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["SET", "k", "v 1"], args.Select(Text));
        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["GET", "k"], args.Select(Text));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void InlineFollowedByMultibulkLeavesTheMultibulk()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("PING\r\n*1\r\n$4\r\nPING\r\n"));
        var args = new List<byte[]>();

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));

        Assert.Equal(["PING"], args.Select(Text));
        Assert.Equal("*1\r\n$4\r\nPING\r\n", Text(buffer.ToArray()));
    }
}
