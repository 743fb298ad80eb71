using System.Buffers;
using System.Text;

namespace RedisOnMySql.Commands.PubSub;

/// <summary>The RESP2 arrays Redis pushes to subscribers, encoded once per message and shared by all its receivers.</summary>
internal static class PushFrames
{
    private static readonly byte[] MessageWord = "message"u8.ToArray();
    private static readonly byte[] PMessageWord = "pmessage"u8.ToArray();
    private static readonly byte[] SMessageWord = "smessage"u8.ToArray();

    /// <summary><c>message channel payload</c>, or <c>smessage</c> for a shard channel.</summary>
    public static byte[] Message(bool shard, byte[] channel, byte[] payload) => Array(shard ? SMessageWord : MessageWord, channel, payload);

    /// <summary><c>pmessage pattern channel payload</c>.</summary>
    public static byte[] PMessage(byte[] pattern, byte[] channel, byte[] payload) => Array(PMessageWord, pattern, channel, payload);

    private static byte[] Array(params byte[][] items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Line(buffer, '*', items.Length);
        foreach (var item in items)
        {
            Line(buffer, '$', item.Length);
            buffer.Write(item);
            buffer.Write("\r\n"u8);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Line(ArrayBufferWriter<byte> buffer, char prefix, int count) =>
        buffer.Write(Encoding.ASCII.GetBytes($"{prefix}{count}\r\n"));
}
