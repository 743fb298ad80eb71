using System.Buffers;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Parses a telnet-style request: one line ending in <c>\n</c> or <c>\r\n</c>, split like Redis's sdssplitargs.</summary>
internal static class InlineRequestParser
{
    public static bool TryParse(ref ReadOnlySequence<byte> buffer, RespLimits limits, List<byte[]> args)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            if (buffer.Length > limits.MaxInlineLen)
                throw new RespProtocolException("too big inline request");
            if (buffer.Length > limits.MaxFrameSize)
                throw new RespProtocolException("too big request");
            return false;
        }
        if (reader.Consumed > limits.MaxFrameSize)
            throw new RespProtocolException("too big request");

        ReadOnlySpan<byte> text = line.IsSingleSegment ? line.FirstSpan : line.ToArray();
        if (!text.IsEmpty && text[^1] == (byte)'\r')
            text = text[..^1];
        InlineArgumentSplitter.Split(text, args);
        buffer = buffer.Slice(reader.Position);
        return true;
    }
}
