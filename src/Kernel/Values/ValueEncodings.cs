using System.Text;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Values;

/// <summary>
/// The encoding Redis 7.0 would report (OBJECT ENCODING) for a key's value as it is now, under the encoding parameters
/// of <see cref="RdbEncodingOptions"/>, found through the families' own commands: a size first, and the elements only
/// when the size leaves the compact encoding possible, so a big collection costs one count.
/// </summary>
public sealed class ValueEncodings(InternalCommands commands)
{
    /// <summary>Redis's longest string kept in one allocation with its header (OBJ_ENCODING_EMBSTR_SIZE_LIMIT).</summary>
    private const int EmbeddedStringMax = 44;

    /// <summary>The encoding's name, or null when the key does not exist.</summary>
    public async Task<string?> OfAsync(CommandContext ctx, byte[] key, RdbEncodingOptions limits)
    {
        switch (Text(await Run(ctx, "TYPE", key)))
        {
            case "none":
                return null;
            case "string":
                if ((long)(await Run(ctx, "STRLEN", key))! > EmbeddedStringMax) return "raw";
                var value = (byte[]?)await Run(ctx, "GET", key);
                return value is null ? null : CanonicalInteger.TryParse(value, out _) ? "int" : "embstr";
            case "list":
                return "quicklist";
            case "set":
                if ((long)(await Run(ctx, "SCARD", key))! > limits.SetMaxIntsetEntries) return "hashtable";
                return Elements(await Run(ctx, "SMEMBERS", key)).All(m => CanonicalInteger.TryParse(m, out _)) ? "intset" : "hashtable";
            case "zset":
                if ((long)(await Run(ctx, "ZCARD", key))! > limits.ZSetMaxListpackEntries) return "skiplist";
                var members = Elements(await Run(ctx, "ZRANGE", key, "0", "-1")).ToList();
                return members.All(m => m.Length <= limits.ZSetMaxListpackValue) ? "listpack" : "skiplist";
            case "hash":
                if ((long)(await Run(ctx, "HLEN", key))! > limits.HashMaxListpackEntries) return "hashtable";
                var fields = Elements(await Run(ctx, "HGETALL", key)).ToList();
                return fields.All(f => f.Length <= limits.HashMaxListpackValue) ? "listpack" : "hashtable";
            default:
                return "unknown";
        }
    }

    private Task<object?> Run(CommandContext ctx, string command, byte[] key, params string[] rest) =>
        commands.CallAsync(ctx, command, [key, .. rest.Select(Encoding.ASCII.GetBytes)]);

    private static string Text(object? reply) => Encoding.ASCII.GetString((byte[])reply!);

    private static IEnumerable<byte[]> Elements(object? reply) => ((object?[])reply!).Select(e => (byte[])e!);
}
