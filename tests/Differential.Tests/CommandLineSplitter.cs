namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// Splits a command line into arguments the way redis-cli does (Redis's sdssplitargs), on the line's UTF-8 bytes:
/// whitespace separates arguments; "double quotes" take \" \\ \n \r \t \a \b and \xHH escapes; 'single quotes' are
/// literal except \'; a closing quote must be followed by whitespace or the end of the line.
/// </summary>
public static class CommandLineSplitter
{
    /// <summary>The arguments, or null when the line is malformed (unbalanced quotes, text glued to a closing quote).</summary>
    public static List<byte[]>? Split(ReadOnlySpan<byte> line)
    {
        var args = new List<byte[]>();
        var p = 0;
        while (true)
        {
            while (p < line.Length && IsSpace(line[p])) p++;
            if (p == line.Length) return args;

            var current = new List<byte>();
            bool inDoubleQuotes = false, inSingleQuotes = false, done = false;
            while (!done)
            {
                var c = At(line, p);
                if (inDoubleQuotes)
                {
                    if (c == '\\' && At(line, p + 1) == 'x' && IsHex(At(line, p + 2)) && IsHex(At(line, p + 3)))
                    {
                        current.Add((byte)(HexValue(At(line, p + 2)) * 16 + HexValue(At(line, p + 3))));
                        p += 3;
                    }
                    else if (c == '\\' && p + 1 < line.Length)
                    {
                        p++;
                        current.Add(line[p] switch
                        {
                            (byte)'n' => (byte)'\n',
                            (byte)'r' => (byte)'\r',
                            (byte)'t' => (byte)'\t',
                            (byte)'b' => (byte)'\b',
                            (byte)'a' => (byte)'\a',
                            var other => other,
                        });
                    }
                    else if (c == '"')
                    {
                        if (p + 1 < line.Length && !IsSpace(line[p + 1])) return null;
                        done = true;
                    }
                    else if (p == line.Length) return null;
                    else current.Add(line[p]);
                }
                else if (inSingleQuotes)
                {
                    if (c == '\\' && At(line, p + 1) == '\'')
                    {
                        p++;
                        current.Add((byte)'\'');
                    }
                    else if (c == '\'')
                    {
                        if (p + 1 < line.Length && !IsSpace(line[p + 1])) return null;
                        done = true;
                    }
                    else if (p == line.Length) return null;
                    else current.Add(line[p]);
                }
                else if (p == line.Length || IsSpace(line[p])) done = true;
                else if (c == '"') inDoubleQuotes = true;
                else if (c == '\'') inSingleQuotes = true;
                else current.Add(line[p]);

                if (p < line.Length) p++;
            }
            args.Add(current.ToArray());
        }
    }

    /// <summary>The byte at <paramref name="index"/>, or 0 past the end (sdssplitargs reads a NUL-terminated string).</summary>
    private static int At(ReadOnlySpan<byte> line, int index) => index < line.Length ? line[index] : 0;

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\v' or (byte)'\f';

    private static bool IsHex(int c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    private static int HexValue(int c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
