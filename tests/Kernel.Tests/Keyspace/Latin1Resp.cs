using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>
/// Raw commands whose arguments and reply are Latin-1 text, so binary keys read naturally in tests:
/// "\xff" is the byte 0xFF both ways (the plain client decodes replies as UTF-8, which would mangle it).
/// </summary>
public static class Latin1Resp
{
    public static async Task<string> CallAsync(this RawRespClient raw, params string[] args)
    {
        raw.Send(RawRespClient.Command(args.Select(Encoding.Latin1.GetBytes).ToArray()));
        return Encoding.Latin1.GetString(await raw.ReadReplyBytesAsync());
    }
}
