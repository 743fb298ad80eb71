using System.Text;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>Expected RESP2 replies, written compactly.</summary>
public static class RespText
{
    public const string Nil = "$-1\r\n";
    public const string NilArray = "*-1\r\n";
    public const string Ok = "+OK\r\n";
    public const string EmptyArray = "*0\r\n";
    public const string WrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";

    public static string Int(long n) => $":{n}\r\n";

    public static string Bulk(string s) => $"${Encoding.UTF8.GetByteCount(s)}\r\n{s}\r\n";

    public static string Array(params string[] bulks) => $"*{bulks.Length}\r\n" + string.Concat(bulks.Select(Bulk));

    public static string Ints(params long[] values) => $"*{values.Length}\r\n" + string.Concat(values.Select(Int));

    public static string Error(string message) => $"-{message}\r\n";

    public static byte[] BulkBytes(byte[] value) =>
        [.. Encoding.ASCII.GetBytes($"${value.Length}\r\n"), .. value, (byte)'\r', (byte)'\n'];

    public static byte[] ArrayBytes(params byte[][] values) =>
        [.. Encoding.ASCII.GetBytes($"*{values.Length}\r\n"), .. values.SelectMany(BulkBytes)];

    public static byte[][] Args(params object[] args) =>
        args.Select(a => a as byte[] ?? Encoding.UTF8.GetBytes((string)a)).ToArray();

    /// <summary>Sends a binary command and returns its reply's exact bytes.</summary>
    public static async Task<byte[]> CommandBytesAsync(this RawRespClient raw, byte[][] command)
    {
        raw.Send(RawRespClient.Command(command));
        return await raw.ReadReplyBytesAsync();
    }
}
