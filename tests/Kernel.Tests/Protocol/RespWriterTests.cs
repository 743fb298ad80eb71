using System.Buffers;
using System.Text;
using RedisOnMySql.Kernel.Protocol;
using static RedisOnMySql.Kernel.Tests.Protocol.ProtocolTestData;

namespace RedisOnMySql.Kernel.Tests.Protocol;

public class RespWriterTests
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly RespWriter _writer;

    public RespWriterTests() => _writer = new RespWriter(_output);

    private string Written => Text(_output.WrittenSpan.ToArray());

    [Fact]
    public void WriteOk()
    {
        _writer.WriteOk();
        Assert.Equal("+OK\r\n", Written);
    }

    [Fact]
    public void WriteSimpleStringFromString()
    {
        _writer.WriteSimpleString("PONG");
        Assert.Equal("+PONG\r\n", Written);
    }

    [Fact]
    public void WriteSimpleStringFromBytes()
    {
        _writer.WriteSimpleString("QUEUED"u8);
        Assert.Equal("+QUEUED\r\n", Written);
    }

    [Fact]
    public void WriteSimpleStringKeepsTheReplyOnOneLine()
    {
        _writer.WriteSimpleString("a\r\nb");
        _writer.WriteSimpleString("c\nd"u8);
        Assert.Equal("+a  b\r\n+c d\r\n", Written);
    }

    [Fact]
    public void WriteError()
    {
        _writer.WriteError("ERR unknown command 'FOO'");
        Assert.Equal("-ERR unknown command 'FOO'\r\n", Written);
    }

    [Fact]
    public void WriteErrorReplacesLineBreaksBySpaces()
    {
        _writer.WriteError("ERR bad\r\nthing\rhere\n");
        Assert.Equal("-ERR bad  thing here \r\n", Written);
    }

    [Fact]
    public void WriteErrorEncodesUtf8()
    {
        _writer.WriteError("ERR é");
        Assert.Equal("-ERR é\r\n"u8.ToArray(), _output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0L, ":0\r\n")]
    [InlineData(42L, ":42\r\n")]
    [InlineData(-1L, ":-1\r\n")]
    [InlineData(long.MaxValue, ":9223372036854775807\r\n")]
    [InlineData(long.MinValue, ":-9223372036854775808\r\n")]
    public void WriteInteger(long value, string expected)
    {
        _writer.WriteInteger(value);
        Assert.Equal(expected, Written);
    }

    [Fact]
    public void WriteBulkStringFromBinaryBytes()
    {
        _writer.WriteBulkString(Bytes("a\0\r\n\xff"));
        Assert.Equal("$5\r\na\0\r\n\xff\r\n", Written);
    }

    [Fact]
    public void WriteEmptyBulkString()
    {
        _writer.WriteBulkString(ReadOnlySpan<byte>.Empty);
        Assert.Equal("$0\r\n\r\n", Written);
    }

    [Fact]
    public void WriteBulkStringFromStringIsUtf8WithByteLength()
    {
        _writer.WriteBulkString("héllo");
        Assert.Equal("$6\r\nhéllo\r\n"u8.ToArray(), _output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteLargeBulkString()
    {
        byte[] payload = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        _writer.WriteBulkString(payload);

        byte[] expected = [.. "$100000\r\n"u8, .. payload, .. "\r\n"u8];
        Assert.Equal(expected, _output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteNullBulk()
    {
        _writer.WriteNullBulk();
        Assert.Equal("$-1\r\n", Written);
    }

    [Theory]
    [InlineData(0, "*0\r\n")]
    [InlineData(3, "*3\r\n")]
    [InlineData(int.MaxValue, "*2147483647\r\n")]
    public void WriteArrayHeader(int count, string expected)
    {
        _writer.WriteArrayHeader(count);
        Assert.Equal(expected, Written);
    }

    [Fact]
    public void WriteNullArray()
    {
        _writer.WriteNullArray();
        Assert.Equal("*-1\r\n", Written);
    }

    [Fact]
    public void WriteRaw()
    {
        _writer.WriteRaw("+already\r\n:1\r\n"u8);
        Assert.Equal("+already\r\n:1\r\n", Written);
    }

    [Fact]
    public void RepliesFollowEachOther()
    {
        _writer.WriteArrayHeader(2);
        _writer.WriteBulkString("GET"u8);
        _writer.WriteNullBulk();
        Assert.Equal("*2\r\n$3\r\nGET\r\n$-1\r\n", Written);
    }

    [Fact]
    public void BytesWrittenCountsEveryMethod()
    {
        _writer.WriteOk();
        _writer.WriteSimpleString("PONG");
        _writer.WriteSimpleString("X"u8);
        _writer.WriteError("ERR x");
        _writer.WriteInteger(-12);
        _writer.WriteBulkString("ab"u8);
        _writer.WriteBulkString("é");
        _writer.WriteNullBulk();
        _writer.WriteArrayHeader(10);
        _writer.WriteNullArray();
        _writer.WriteRaw("xyz"u8);

        Assert.Equal(_output.WrittenCount, _writer.BytesWritten);
        Assert.Equal(5 + 7 + 4 + 8 + 6 + 8 + 8 + 5 + 5 + 5 + 3, _writer.BytesWritten);
    }

    [Fact]
    public void ResetSwitchesOutputAndRestartsTheCount()
    {
        _writer.WriteOk();
        var next = new ArrayBufferWriter<byte>();

        _writer.Reset(next);
        _writer.WriteInteger(7);

        Assert.Equal(4, _writer.BytesWritten);
        Assert.Equal(":7\r\n", Encoding.ASCII.GetString(next.WrittenSpan));
        Assert.Equal("+OK\r\n", Written);
    }
}
