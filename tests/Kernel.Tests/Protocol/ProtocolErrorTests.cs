using static RedisOnMySql.Kernel.Tests.Protocol.ProtocolTestData;

namespace RedisOnMySql.Kernel.Tests.Protocol;

public class ProtocolErrorTests
{
    [Theory]
    [InlineData("*abc\r\n")]
    [InlineData("*\r\n")]
    [InlineData("*01\r\n")]
    [InlineData("*+1\r\n")]
    [InlineData("*-0\r\n")]
    [InlineData("*1 \r\n")]
    [InlineData("* 1\r\n")]
    [InlineData("*99999999999999999999\r\n")]
    public void MalformedCountIsInvalidMultibulkLength(string input)
    {
        Assert.Equal("invalid multibulk length", ProtocolError(input));
    }

    [Fact]
    public void UnterminatedCountLineOver64KiBIsTooBig()
    {
        Assert.True(NeedsMore("*" + new string('1', 64 * 1024 - 1)));
        Assert.Equal("too big mbulk count string", ProtocolError("*" + new string('1', 64 * 1024)));
    }

    [Theory]
    [InlineData("*1\r\n:1\r\n", "expected '$', got ':'")]
    [InlineData("*1\r\n*1\r\n$1\r\na\r\n", "expected '$', got '*'")]
    [InlineData("*2\r\n$1\r\na\r\nb\r\n", "expected '$', got 'b'")]
    [InlineData("*1\r\n\r\n", "expected '$', got '\r'")]
    public void ElementNotABulkStringIsRejected(string input, string expected)
    {
        Assert.Equal(expected, ProtocolError(input));
    }

    [Fact]
    public void ElementMarkerIsJudgedOnceItsLineIsComplete()
    {
        Assert.True(NeedsMore("*1\r\n:1"));
    }

    [Theory]
    [InlineData("*1\r\n$abc\r\n")]
    [InlineData("*1\r\n$\r\n")]
    [InlineData("*1\r\n$-1\r\n")]
    [InlineData("*1\r\n$-0\r\n")]
    [InlineData("*1\r\n$03\r\nabc\r\n")]
    [InlineData("*1\r\n$+3\r\nabc\r\n")]
    [InlineData("*1\r\n$3x\r\nabc\r\n")]
    public void MalformedBulkLengthIsInvalid(string input)
    {
        Assert.Equal("invalid bulk length", ProtocolError(input));
    }

    [Fact]
    public void UnterminatedBulkLengthLineOver64KiBIsTooBig()
    {
        Assert.True(NeedsMore("*1\r\n$" + new string('1', 64 * 1024 - 1)));
        Assert.Equal("too big bulk count string", ProtocolError("*1\r\n$" + new string('1', 64 * 1024)));
    }

    [Theory]
    [InlineData("*1\r\n$3\r\nabcd\r\n")]
    [InlineData("*1\r\n$3\r\nabc\n\r")]
    [InlineData("*1\r\n$3\r\nabc\r\r")]
    [InlineData("*2\r\n$1\r\nab\r\n$1\r\nc\r\n")]
    public void PayloadNotFollowedByCrLfIsInvalidBulkFormat(string input)
    {
        Assert.Equal("invalid bulk format", ProtocolError(input));
    }

    [Fact]
    public void PayloadAwaitingItsCrLfNeedsMore()
    {
        Assert.True(NeedsMore("*1\r\n$3\r\nabc"));
        Assert.True(NeedsMore("*1\r\n$3\r\nabc\r"));
    }
}
