using System.Text;

namespace RedisOnMySql.Kernel.Tests.Server;

/// <summary>An error reply, kept apart from strings so assertions can tell them apart.</summary>
public sealed record RespError(string Message);

/// <summary>
/// Decodes the raw RESP2 text RawRespClient returns into plain values: string (simple or bulk), long, null,
/// <see cref="RespError"/> or a list of those — enough to assert on nested replies such as COMMAND INFO.
/// </summary>
public static class RespReply
{
    public static object? Parse(string raw)
    {
        var bytes = Encoding.UTF8.GetBytes(raw);
        int position = 0;
        var value = Read(bytes, ref position);
        Assert.Equal(bytes.Length, position);
        return value;
    }

    public static List<object?> Array(string raw) => Assert.IsType<List<object?>>(Parse(raw));

    public static string Bulk(string raw) => Assert.IsType<string>(Parse(raw));

    private static object? Read(byte[] bytes, ref int position)
    {
        char type = (char)bytes[position];
        string line = ReadLine(bytes, ref position)[1..];
        switch (type)
        {
            case '+': return line;
            case '-': return new RespError(line);
            case ':': return long.Parse(line);
            case '$':
            {
                int length = int.Parse(line);
                if (length < 0) return null;
                var text = Encoding.UTF8.GetString(bytes, position, length);
                position += length + 2;
                return text;
            }
            case '*':
            {
                int count = int.Parse(line);
                if (count < 0) return null;
                var items = new List<object?>();
                for (int i = 0; i < count; i++) items.Add(Read(bytes, ref position));
                return items;
            }
            default: throw new FormatException($"not RESP: {type}");
        }
    }

    private static string ReadLine(byte[] bytes, ref int position)
    {
        int end = System.Array.IndexOf(bytes, (byte)'\r', position);
        var line = Encoding.UTF8.GetString(bytes, position, end - position);
        position = end + 2;
        return line;
    }
}
