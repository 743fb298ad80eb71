using System.Buffers;

namespace RedisOnMySql.Kernel.Protocol;

/// <summary>Splits an inline request line into arguments exactly as Redis's sdssplitargs does.</summary>
internal static class InlineArgumentSplitter
{
    private enum Quoting { None, Double, Single }

    public static void Split(ReadOnlySpan<byte> line, List<byte[]> args)
    {
        // sdssplitargs reads a C string, so a NUL ends the line; cutting there reproduces every case it handles.
        int nul = line.IndexOf((byte)0);
        if (nul >= 0)
            line = line[..nul];

        byte[] token = ArrayPool<byte>.Shared.Rent(line.Length);
        try
        {
            int position = 0;
            while (true)
            {
                while (position < line.Length && IsSpace(line[position]))
                    position++;
                if (position == line.Length)
                    return;
                int tokenLength = ReadToken(line, ref position, token);
                args.Add(token.AsSpan(0, tokenLength).ToArray());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(token);
        }
    }

    // Decodes the token starting at `position` into `token` and leaves `position` just past it.
    private static int ReadToken(ReadOnlySpan<byte> line, ref int position, byte[] token)
    {
        int length = 0;
        var quoting = Quoting.None;
        bool done = false;
        while (!done)
        {
            byte current = ByteAt(line, position);
            switch (quoting)
            {
                case Quoting.Double when current == (byte)'\\' && ByteAt(line, position + 1) == (byte)'x'
                                         && IsHexDigit(ByteAt(line, position + 2)) && IsHexDigit(ByteAt(line, position + 3)):
                    token[length++] = (byte)(HexValue(line[position + 2]) * 16 + HexValue(line[position + 3]));
                    position += 3;
                    break;
                case Quoting.Double when current == (byte)'\\' && position + 1 < line.Length:
                    position++;
                    token[length++] = Unescape(line[position]);
                    break;
                case Quoting.Double when current == (byte)'"':
                case Quoting.Single when current == (byte)'\'':
                    EnsureClosingQuoteEndsToken(line, position);
                    done = true;
                    break;
                case Quoting.Single when current == (byte)'\\' && ByteAt(line, position + 1) == (byte)'\'':
                    position++;
                    token[length++] = (byte)'\'';
                    break;
                case Quoting.Double or Quoting.Single when position == line.Length:
                    throw new RespProtocolException("unbalanced quotes in request");
                case Quoting.Double or Quoting.Single:
                    token[length++] = current;
                    break;
                case Quoting.None when position == line.Length || current is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t':
                    done = true;
                    break;
                case Quoting.None when current == (byte)'"':
                    quoting = Quoting.Double;
                    break;
                case Quoting.None when current == (byte)'\'':
                    quoting = Quoting.Single;
                    break;
                default:
                    token[length++] = current;
                    break;
            }
            if (position < line.Length)
                position++;
        }
        return length;
    }

    private static void EnsureClosingQuoteEndsToken(ReadOnlySpan<byte> line, int quotePosition)
    {
        int next = quotePosition + 1;
        if (next < line.Length && !IsSpace(line[next]))
            throw new RespProtocolException("unbalanced quotes in request");
    }

    // Past the end reads as NUL, mirroring the C string sdssplitargs walks.
    private static byte ByteAt(ReadOnlySpan<byte> line, int position) => position < line.Length ? line[position] : (byte)0;

    private static byte Unescape(byte escaped) => escaped switch
    {
        (byte)'n' => (byte)'\n',
        (byte)'r' => (byte)'\r',
        (byte)'t' => (byte)'\t',
        (byte)'b' => (byte)'\b',
        (byte)'a' => (byte)'\a',
        _ => escaped,
    };

    // C isspace in the "C" locale.
    private static bool IsSpace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool IsHexDigit(byte value) => HexValue(value) >= 0;

    private static int HexValue(byte value) => value switch
    {
        >= (byte)'0' and <= (byte)'9' => value - '0',
        >= (byte)'a' and <= (byte)'f' => value - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => value - 'A' + 10,
        _ => -1,
    };
}
