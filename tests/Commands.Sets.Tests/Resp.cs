using System.Text;

namespace RedisOnMySql.Commands.Sets.Tests;

/// <summary>Reading the raw replies of <c>RawRespClient</c> where member order is not part of the contract.</summary>
public static class Resp
{
    /// <summary>The bulk strings of a flat RESP2 array reply, sorted ordinally.</summary>
    public static List<string> SortedMembers(string reply)
    {
        var members = Bulks(reply);
        members.Sort(StringComparer.Ordinal);
        return members;
    }

    /// <summary>The bulk strings of a flat RESP2 array reply, in reply order.</summary>
    public static List<string> Bulks(string reply)
    {
        var bytes = Encoding.UTF8.GetBytes(reply);
        int pos = 0;
        var header = ReadLine(bytes, ref pos);
        Assert.StartsWith("*", header);
        int count = int.Parse(header[1..]);
        var result = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var line = ReadLine(bytes, ref pos);
            Assert.StartsWith("$", line);
            int length = int.Parse(line[1..]);
            result.Add(Encoding.UTF8.GetString(bytes, pos, length));
            pos += length + 2;
        }
        Assert.Equal(bytes.Length, pos);
        return result;
    }

    /// <summary>Multibulk array reply of the given members, in that order.</summary>
    public static string Array(params string[] members) =>
        $"*{members.Length}\r\n" + string.Concat(members.Select(m => $"${Encoding.UTF8.GetByteCount(m)}\r\n{m}\r\n"));

    private static string ReadLine(byte[] bytes, ref int pos)
    {
        int start = pos;
        while (!(bytes[pos] == '\r' && bytes[pos + 1] == '\n')) pos++;
        var line = Encoding.ASCII.GetString(bytes, start, pos - start);
        pos += 2;
        return line;
    }
}
