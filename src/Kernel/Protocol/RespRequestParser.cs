using System.Buffers;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Reads client requests the way Redis 7.0 does: multibulk when the first byte is '*', inline otherwise.</summary>
public static class RespRequestParser
{
    /// <summary>
    /// Tries to parse one client request from the start of <paramref name="buffer"/>. On success returns true, fills
    /// <paramref name="args"/> (cleared first) with one array per argument — empty for a request Redis would skip —
    /// and sets <paramref name="buffer"/> to the remainder after the request. Returns false when more bytes are
    /// needed, leaving <paramref name="buffer"/> unchanged.
    /// </summary>
    /// <exception cref="RespProtocolException">The input is malformed or exceeds <paramref name="limits"/>.</exception>
    public static bool TryParse(ref ReadOnlySequence<byte> buffer, RespLimits limits, List<byte[]> args)
    {
        args.Clear();
        if (!new SequenceReader<byte>(buffer).TryPeek(out byte first))
            return false;
        return first == (byte)'*'
            ? MultibulkRequestParser.TryParse(ref buffer, limits, args)
            : InlineRequestParser.TryParse(ref buffer, limits, args);
    }
}
