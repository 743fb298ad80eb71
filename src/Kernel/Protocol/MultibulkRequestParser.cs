using System.Buffers;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Parses a <c>*&lt;n&gt;\r\n</c> request of <c>$&lt;len&gt;\r\n&lt;bytes&gt;\r\n</c> elements with Redis 7.0's rules.</summary>
internal static class MultibulkRequestParser
{
    // Redis bounds an unterminated "*<n>" or "$<len>" line by PROTO_INLINE_MAX_SIZE.
    private const int MaxHeaderLineLength = 64 * 1024;

    public static bool TryParse(ref ReadOnlySequence<byte> buffer, RespLimits limits, List<byte[]> args)
    {
        // Validate first without copying, so a request that arrives over many reads allocates only once it is whole.
        var measuring = new SequenceReader<byte>(buffer);
        if (!TryReadRequest(ref measuring, limits, args: null))
        {
            // Every buffered byte belongs to this unfinished request.
            if (buffer.Length > limits.MaxFrameSize)
                throw new RespProtocolException("too big request");
            return false;
        }

        var reading = new SequenceReader<byte>(buffer);
        TryReadRequest(ref reading, limits, args);
        buffer = buffer.Slice(reading.Position);
        return true;
    }

    private static bool TryReadRequest(ref SequenceReader<byte> reader, RespLimits limits, List<byte[]>? args)
    {
        if (!TryReadHeaderLine(ref reader, "too big mbulk count string", out ReadOnlySequence<byte> countLine))
            return false;
        if (!RespInteger.TryParse(countLine.Slice(1), out long count) || count > limits.MaxArrayLen)
            throw new RespProtocolException("invalid multibulk length");

        // A count <= 0 is an empty request, which Redis silently skips.
        for (long index = 0; index < count; index++)
        {
            if (!TryReadBulk(ref reader, limits, args))
                return false;
        }

        if (reader.Consumed > limits.MaxFrameSize)
            throw new RespProtocolException("too big request");
        return true;
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, RespLimits limits, List<byte[]>? args)
    {
        if (!reader.TryPeek(out byte marker))
            return false;
        if (!TryReadHeaderLine(ref reader, "too big bulk count string", out ReadOnlySequence<byte> lengthLine))
            return false;
        // Like Redis, the marker is judged only once its whole line has arrived.
        if (marker != (byte)'$')
            throw new RespProtocolException($"expected '$', got '{(char)marker}'");
        if (!RespInteger.TryParse(lengthLine.Slice(1), out long length) || length < 0 || length > limits.MaxBulkLen)
            throw new RespProtocolException("invalid bulk length");
        if (length > limits.MaxFrameSize - reader.Consumed - 2)
            throw new RespProtocolException("too big request");

        if (reader.Remaining < length + 2)
            return false;
        if (args is not null)
        {
            byte[] payload = GC.AllocateUninitializedArray<byte>(checked((int)length));
            reader.TryCopyTo(payload);
            args.Add(payload);
        }
        reader.Advance(length);
        // Redis trusts the two bytes after the payload; a stricter check catches clients that miscount lengths.
        if (!reader.IsNext("\r\n"u8, advancePast: true))
            throw new RespProtocolException("invalid bulk format");
        return true;
    }

    // Returns the line from its marker up to '\r'. Like Redis, the byte after '\r' is taken as the '\n' unchecked.
    private static bool TryReadHeaderLine(ref SequenceReader<byte> reader, string tooLongDetail, out ReadOnlySequence<byte> line)
    {
        if (!reader.TryReadTo(out line, (byte)'\r'))
        {
            if (reader.Remaining > MaxHeaderLineLength)
                throw new RespProtocolException(tooLongDetail);
            return false;
        }
        if (reader.End)
            return false;
        reader.Advance(1);
        return true;
    }
}
