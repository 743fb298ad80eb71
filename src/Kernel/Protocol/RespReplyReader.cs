using System.Buffers.Text;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>
/// Reads a RESP2 reply the proxy itself wrote (a command run inside the kernel on a family's behalf): bulk strings
/// become byte[], integers long, arrays object?[], nulls null, and an error a <see cref="RespErrorReply"/>.
/// </summary>
public static class RespReplyReader
{
    public static object? Read(ReadOnlySpan<byte> reply)
    {
        int position = 0;
        var value = ReadValue(reply, ref position);
        return position == reply.Length ? value : throw new FormatException("more than one reply");
    }

    private static object? ReadValue(ReadOnlySpan<byte> reply, ref int position)
    {
        byte kind = reply[position];
        var line = Line(reply, ref position);
        switch (kind)
        {
            case (byte)'+':
                return line.ToArray();
            case (byte)'-':
                return new RespErrorReply(System.Text.Encoding.UTF8.GetString(line));
            case (byte)':':
                return Number(line);
            case (byte)'$':
            {
                long length = Number(line);
                if (length < 0) return null;
                var bytes = reply.Slice(position, (int)length).ToArray();
                position += (int)length + 2;
                return bytes;
            }
            case (byte)'*':
            {
                long count = Number(line);
                if (count < 0) return null;
                var items = new object?[count];
                for (int i = 0; i < count; i++) items[i] = ReadValue(reply, ref position);
                return items;
            }
            default:
                throw new FormatException($"unexpected reply type '{(char)kind}'");
        }
    }

    /// <summary>The line after the type byte, without its CRLF; moves past it.</summary>
    private static ReadOnlySpan<byte> Line(ReadOnlySpan<byte> reply, ref int position)
    {
        int end = reply[position..].IndexOf("\r\n"u8) + position;
        var line = reply[(position + 1)..end];
        position = end + 2;
        return line;
    }

    private static long Number(ReadOnlySpan<byte> line) =>
        Utf8Parser.TryParse(line, out long value, out int consumed) && consumed == line.Length
            ? value
            : throw new FormatException("not a number");
}

/// <summary>An error reply, as <see cref="RespReplyReader"/> reads it.</summary>
public sealed record RespErrorReply(string Message);
