using System.Buffers;
using RedisOnMySql.Kernel.Protocol;
using static RedisOnMySql.Kernel.Tests.Protocol.ProtocolTestData;

namespace RedisOnMySql.Kernel.Tests.Protocol;

public class MultibulkParsingTests
{
    private const string BinaryRequest = "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$6\r\na\0\r\n\xffz\r\n";

    [Fact]
    public void ParsesArgumentsIncludingBinaryPayload()
    {
        Assert.Equal(["SET", "key", "a\0\r\n\xffz"], ParseOne(BinaryRequest));
    }

    [Fact]
    public void EveryProperPrefixNeedsMoreBytes()
    {
        for (int length = 0; length < BinaryRequest.Length; length++)
            Assert.True(NeedsMore(BinaryRequest[..length]), $"prefix of {length} bytes");
    }

    [Fact]
    public void SplitIntoTwoSegmentsAtEveryByteParsesTheSame()
    {
        byte[] bytes = Bytes(BinaryRequest);
        for (int split = 1; split < bytes.Length; split++)
        {
            var buffer = TestSegment.SplitAt(bytes, split);
            var args = new List<byte[]>();
            Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args), $"split at {split}");
            Assert.Equal(["SET", "key", "a\0\r\n\xffz"], args.Select(Text));
            Assert.True(buffer.IsEmpty);
        }
    }

    [Fact]
    public void OneByteSegmentsParseTheSame()
    {
        byte[] bytes = Bytes(BinaryRequest);
        var buffer = TestSegment.Sequence(bytes.Select(b => new[] { b }).ToArray());
        var args = new List<byte[]>();

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));

        Assert.Equal(["SET", "key", "a\0\r\n\xffz"], args.Select(Text));
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void SegmentsIncludingEmptyOnesParse()
    {
        var buffer = TestSegment.Sequence([], Bytes("*1\r"), [], Bytes("\n$4\r\nPI"), Bytes("NG\r\n"), []);
        var args = new List<byte[]>();

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));

        Assert.Equal(["PING"], args.Select(Text));
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void PipelinedRequestsAreReadOneAtATime()
    {
        var buffer = new ReadOnlySequence<byte>(Bytes("*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\nECHO hi\r\n*1\r\n$4\r\nQU"));
        var args = new List<byte[]>();

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["PING"], args.Select(Text));
        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["GET", "k"], args.Select(Text));
        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["ECHO", "hi"], args.Select(Text));

        Assert.False(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Empty(args);
        Assert.Equal("*1\r\n$4\r\nQU", Text(buffer.ToArray()));
    }

    [Fact]
    public void PipelineSplitAcrossSegmentsLeavesTheRemainder()
    {
        var buffer = TestSegment.SplitAt(Bytes("*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPONG\r\n"), 5, 16, 20);
        var args = new List<byte[]>();

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["PING"], args.Select(Text));
        Assert.Equal("*1\r\n$4\r\nPONG\r\n", Text(buffer.ToArray()));
        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));
        Assert.Equal(["PONG"], args.Select(Text));
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData("*0\r\n")]
    [InlineData("*-1\r\n")]
    [InlineData("*-7\r\n")]
    public void NonPositiveCountIsAnEmptyRequest(string input)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(input + "*1\r\n$1\r\nx\r\n"));
        var args = new List<byte[]> { new byte[] { 1 } };

        Assert.True(RespRequestParser.TryParse(ref buffer, Generous, args));

        Assert.Empty(args);
        Assert.Equal("*1\r\n$1\r\nx\r\n", Text(buffer.ToArray()));
    }

    [Fact]
    public void EmptyBulkIsAnEmptyArgument()
    {
        Assert.Equal(["GET", ""], ParseOne("*2\r\n$3\r\nGET\r\n$0\r\n\r\n"));
    }

    [Fact]
    public void EmptyBufferNeedsMore()
    {
        Assert.True(NeedsMore(""));
    }

    [Fact]
    public void LineEndingIsFoundAtTheCarriageReturnLikeRedis()
    {
        // Redis takes the byte after '\r' as the line feed without looking at it.
        Assert.Equal(["a"], ParseOne("*1\rX$1\r\na\r\n"));
    }
}
