using System.Text;

namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// One parsed RESP2 reply: its type byte, its raw bytes, the payload of a bulk string (null for nil) and the elements
/// of an array (null for a nil array).
/// </summary>
public sealed record RespReply(byte Type, byte[] Raw, byte[]? Bulk, IReadOnlyList<RespReply>? Elements)
{
    public bool IsArray => Type == (byte)'*';

    public static RespReply Parse(byte[] raw)
    {
        var position = 0;
        var reply = Parse(raw, ref position);
        if (position != raw.Length) throw new InvalidDataException("Trailing bytes after a RESP2 reply.");
        return reply;
    }

    private static RespReply Parse(byte[] raw, ref int position)
    {
        var start = position;
        var lineEnd = raw.AsSpan(start).IndexOf("\r\n"u8) + start;
        var type = raw[start];
        position = lineEnd + 2;
        switch (type)
        {
            case (byte)'$':
            {
                var length = Length(raw, start, lineEnd);
                byte[]? bulk = null;
                if (length >= 0)
                {
                    bulk = raw[position..(position + length)];
                    position += length + 2;
                }
                return new RespReply(type, raw[start..position], bulk, null);
            }
            case (byte)'*':
            {
                var count = Length(raw, start, lineEnd);
                List<RespReply>? elements = null;
                if (count >= 0)
                {
                    elements = new List<RespReply>(count);
                    for (var i = 0; i < count; i++) elements.Add(Parse(raw, ref position));
                }
                return new RespReply(type, raw[start..position], null, elements);
            }
            default:
                return new RespReply(type, raw[start..position], null, null);
        }
    }

    private static int Length(byte[] raw, int start, int lineEnd) =>
        int.Parse(Encoding.ASCII.GetString(raw, start + 1, lineEnd - start - 1));
}
