using RedisOnMySql.Kernel.Protocol;
using static RedisOnMySql.Kernel.Tests.Protocol.ProtocolTestData;

namespace RedisOnMySql.Kernel.Tests.Protocol;

public class RequestLimitTests
{
    [Fact]
    public void ArrayLongerThanMaxArrayLenIsInvalid()
    {
        var limits = Generous with { MaxArrayLen = 2 };

        Assert.Equal(["a", "b"], ParseOne("*2\r\n$1\r\na\r\n$1\r\nb\r\n", limits));
        Assert.Equal("invalid multibulk length", ProtocolError("*3\r\n", limits));
    }

    [Fact]
    public void BulkLongerThanMaxBulkLenIsInvalid()
    {
        var limits = Generous with { MaxBulkLen = 3 };

        Assert.Equal(["abc"], ParseOne("*1\r\n$3\r\nabc\r\n", limits));
        Assert.Equal("invalid bulk length", ProtocolError("*1\r\n$4\r\n", limits));
    }

    [Fact]
    public void RequestOfExactlyMaxFrameSizeIsAccepted()
    {
        const string request = "*1\r\n$4\r\nPING\r\n";

        Assert.Equal(["PING"], ParseOne(request, Generous with { MaxFrameSize = request.Length }));
        Assert.Equal("too big request", ProtocolError(request, Generous with { MaxFrameSize = request.Length - 1 }));
    }

    [Fact]
    public void DeclaredBulkOverFrameIsRejectedBeforeThePayloadArrives()
    {
        Assert.Equal("too big request", ProtocolError("*1\r\n$100\r\n", Generous with { MaxFrameSize = 50 }));
    }

    [Fact]
    public void DeclaredBulksSummingOverFrameAreRejected()
    {
        var limits = Generous with { MaxFrameSize = 30 };

        Assert.True(NeedsMore("*2\r\n$10\r\n0123456789\r\n", limits));
        Assert.Equal("too big request", ProtocolError("*2\r\n$10\r\n0123456789\r\n$10\r\n", limits));
    }

    [Fact]
    public void UnfinishedRequestBufferedBeyondFrameIsRejected()
    {
        var limits = Generous with { MaxFrameSize = 20 };

        Assert.True(NeedsMore("*1\r\n$" + new string('1', 15), limits));
        Assert.Equal("too big request", ProtocolError("*1\r\n$" + new string('1', 16), limits));
    }

    [Fact]
    public void InlineLineWithoutNewlineOverMaxInlineLenIsTooBig()
    {
        var limits = Generous with { MaxInlineLen = 16 };

        Assert.True(NeedsMore(new string('a', 16), limits));
        Assert.Equal("too big inline request", ProtocolError(new string('a', 17), limits));
    }

    [Fact]
    public void InlineLineArrivedWholeMayExceedMaxInlineLenLikeRedis()
    {
        Assert.Equal(["ECHO", "0123456789abcdef"], ParseOne("ECHO 0123456789abcdef\n", Generous with { MaxInlineLen = 16 }));
    }

    [Fact]
    public void InlineRequestOverFrameIsTooBig()
    {
        var limits = Generous with { MaxFrameSize = 10 };

        Assert.Equal(["ECHO", "abcd"], ParseOne("ECHO abcd\n", limits));
        Assert.Equal("too big request", ProtocolError("ECHO abcde\n", limits));
        Assert.Equal("too big request", ProtocolError("ECHO abcdef", limits));
    }
}
