using System.Buffers;
using System.Text;
using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Kernel.Tests.Protocol;

internal static class ProtocolTestData
{
    public static readonly RespLimits Generous = new(MaxFrameSize: 512L * 1024 * 1024, MaxBulkLen: 512L * 1024 * 1024, MaxArrayLen: 1024 * 1024, MaxDepth: 1);

    /// <summary>Latin-1, so "\xff" in a test string is the single byte 0xFF.</summary>
    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    public static List<string> ParseOne(string input, RespLimits? limits = null)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(input));
        var args = new List<byte[]>();
        Assert.True(RespRequestParser.TryParse(ref buffer, limits ?? Generous, args));
        Assert.Equal(0, buffer.Length);
        return args.Select(Text).ToList();
    }

    public static string ProtocolError(string input, RespLimits? limits = null)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(input));
        var args = new List<byte[]>();
        var error = Assert.Throws<RespProtocolException>(() => RespRequestParser.TryParse(ref buffer, limits ?? Generous, args));
        return error.Message;
    }

    public static bool NeedsMore(string input, RespLimits? limits = null)
    {
        var buffer = new ReadOnlySequence<byte>(Bytes(input));
        var before = buffer;
        bool parsed = RespRequestParser.TryParse(ref buffer, limits ?? Generous, []);
        Assert.Equal(before, buffer);
        return !parsed;
    }
}
