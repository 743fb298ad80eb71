using System.Globalization;
using System.Text;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Values;

/// <summary>
/// A key's whole value, read and written through the families' own commands (GET, LRANGE, SMEMBERS, ZRANGE, HGETALL;
/// SET, RPUSH, SADD, ZADD, HSET): what DUMP and RESTORE need of every type.
/// </summary>
public sealed class StoredValues(InternalCommands commands)
{
    /// <summary>Elements per write command, and bytes: a big value is written in several commands of one transaction.</summary>
    private const int ElementsPerCommand = 1000;
    private const int BytesPerCommand = 1 << 20;

    /// <summary>
    /// The value of a live key, or null without one. A value is read by one command; if the key changed type between
    /// TYPE and the read, the read is made again.
    /// </summary>
    public async Task<RdbValue?> ReadAsync(CommandContext ctx, byte[] key)
    {
        for (int attempt = 0; ; attempt++)
        {
            var type = Encoding.ASCII.GetString((byte[])(await commands.RunAsync(ctx, "TYPE"u8.ToArray(), key))!);
            object? reply = type switch
            {
                "none" => null,
                "string" => await commands.RunAsync(ctx, "GET"u8.ToArray(), key),
                "list" => await commands.RunAsync(ctx, "LRANGE"u8.ToArray(), key, "0"u8.ToArray(), "-1"u8.ToArray()),
                "set" => await commands.RunAsync(ctx, "SMEMBERS"u8.ToArray(), key),
                "zset" => await commands.RunAsync(ctx, "ZRANGE"u8.ToArray(), key, "0"u8.ToArray(), "-1"u8.ToArray(), "WITHSCORES"u8.ToArray()),
                "hash" => await commands.RunAsync(ctx, "HGETALL"u8.ToArray(), key),
                _ => throw RedisException.Err($"DUMP of a {type} is not supported"),
            };
            if (reply is RespErrorReply error)
            {
                if (error.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal) && attempt < 3) continue;
                throw new RedisException(error.Message);
            }
            if (reply is null) return null;
            return type switch
            {
                "string" => new RdbString((byte[])reply),
                "list" => new RdbList(Items(reply)),
                "set" => new RdbSet(Items(reply)),
                "zset" => new RdbSortedSet(Pairs(reply).Select(p => new RdbSortedSetEntry(p.First, Score(p.Second)))),
                _ => new RdbHash(Pairs(reply).Select(p => new RdbHashField(p.First, p.Second))),
            };
        }
    }

    /// <summary>Creates the key (which the caller made sure does not exist) holding <paramref name="value"/>.</summary>
    public async Task WriteAsync(CommandContext ctx, byte[] key, RdbValue value)
    {
        switch (value)
        {
            case RdbString s:
                await commands.CallAsync(ctx, "SET", key, s.Value);
                break;
            case RdbList list:
                foreach (var chunk in Chunks(list.Items.Select(i => new[] { i })))
                    await commands.CallAsync(ctx, "RPUSH", [key, .. chunk]);
                break;
            case RdbSet set:
                foreach (var chunk in Chunks(set.Members.Select(m => new[] { m })))
                    await commands.CallAsync(ctx, "SADD", [key, .. chunk]);
                break;
            case RdbSortedSet zset:
                foreach (var chunk in Chunks(zset.Entries.Select(e => new[] { ScoreText(e.Score), e.Member })))
                    await commands.CallAsync(ctx, "ZADD", [key, .. chunk]);
                break;
            case RdbHash hash:
                foreach (var chunk in Chunks(hash.Fields.Select(f => new[] { f.Name, f.Value })))
                    await commands.CallAsync(ctx, "HSET", [key, .. chunk]);
                break;
        }
    }

    /// <summary>Elements (each one or two arguments) grouped so that no command gets too many or too many bytes.</summary>
    private static IEnumerable<List<byte[]>> Chunks(IEnumerable<byte[][]> elements)
    {
        var chunk = new List<byte[]>();
        long bytes = 0;
        int count = 0;
        foreach (var element in elements)
        {
            chunk.AddRange(element);
            bytes += element.Sum(e => (long)e.Length);
            if (++count < ElementsPerCommand && bytes < BytesPerCommand) continue;
            yield return chunk;
            chunk = new List<byte[]>();
            bytes = 0;
            count = 0;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private static IEnumerable<byte[]> Items(object reply) => ((object?[])reply).Select(i => (byte[])i!);

    private static IEnumerable<(byte[] First, byte[] Second)> Pairs(object reply)
    {
        var items = (object?[])reply;
        for (int i = 0; i + 1 < items.Length; i += 2) yield return ((byte[])items[i]!, (byte[])items[i + 1]!);
    }

    /// <summary>ZRANGE's score text (17 significant digits, inf, -inf) read back to the same double.</summary>
    private static double Score(byte[] text) => RedisNumbers.TryParseDouble(text, out var score)
        ? score
        : throw new FormatException("not a score: " + Encoding.ASCII.GetString(text));

    /// <summary>A score as ZADD reads it back exactly: round-trip digits, and Redis's spelling of the infinities.</summary>
    private static byte[] ScoreText(double score) => Encoding.ASCII.GetBytes(
        double.IsPositiveInfinity(score) ? "inf" : double.IsNegativeInfinity(score) ? "-inf" : score.ToString("R", CultureInfo.InvariantCulture));
}
