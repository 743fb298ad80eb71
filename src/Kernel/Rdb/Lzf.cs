namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// LZF as Redis 7.0 builds liblzf 3.6 (lzf_c.c, lzf_d.c: HLOG 16, VERY_FAST, CHECK_INPUT). The compressor makes the
/// same choices as Redis's, byte for byte, so a compressed string in our DUMP payload equals Redis's. Format: 000LLLLL
/// is a run of L+1 literal bytes; LLLooooo oooooooo copies L+2 bytes from o+1 bytes back; 111ooooo LLLLLLLL oooooooo
/// copies L+9 bytes.
/// </summary>
internal static class Lzf
{
    private const int HashLog = 16;
    private const int MaxLiteral = 1 << 5;
    private const int MaxOffset = 1 << 13;
    private const int MaxReference = (1 << 8) + (1 << 3);

    /// <summary>The most output one input byte can yield: a long back reference (3 bytes) copies 264 bytes.</summary>
    public const int MaxExpansion = MaxReference / 3;

    // The compressor's hash table: input positions of 3-byte prefixes. Redis leaves it uninitialised per call; clearing
    // its 256 KB for every 21-byte string would dominate, so slots instead hold (epoch + position) and count only when
    // they are at least the current call's epoch, which moves past every position of the previous call.
    [ThreadStatic] private static int[]? t_table;
    [ThreadStatic] private static int t_epoch;

    /// <summary>
    /// lzf_compress: the compressed length, or 0 when the result would not fit in <paramref name="output"/> (Redis then
    /// stores the string as is; it passes an output of input length - 4 so that compression saves 4 bytes or more).
    /// </summary>
    public static int Compress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length == 0 || output.Length == 0) return 0;
        var table = t_table ??= new int[1 << HashLog];
        if (t_epoch <= 0 || t_epoch > int.MaxValue - input.Length - 1)
        {
            Array.Clear(table);
            t_epoch = 1;
        }
        var epoch = t_epoch;
        t_epoch += input.Length + 1;

        var inEnd = input.Length;
        var outEnd = output.Length;
        var ip = 0;
        var op = 1; // the header byte of the first literal run
        var literals = 0;
        var hash = inEnd >= 2 ? First(input, ip) : 0;

        while (ip < inEnd - 2)
        {
            hash = Next(hash, input, ip);
            var slot = Slot(hash);
            var stored = table[slot];
            var reference = stored >= epoch ? stored - epoch : -1;
            table[slot] = epoch + ip;

            // Position 0 is never referenced (lzf's "ref > in_data"), which the epoch check alone would allow.
            int offset;
            if (reference > 0
                && (offset = ip - reference - 1) < MaxOffset
                && input[reference + 2] == input[ip + 2]
                && input[reference] == input[ip]
                && input[reference + 1] == input[ip + 1])
            {
                var length = 2;
                var maxLength = Math.Min(inEnd - ip - length, MaxReference);

                if (op + 3 + 1 >= outEnd && op - (literals == 0 ? 1 : 0) + 3 + 1 >= outEnd) return 0;

                output[op - literals - 1] = (byte)(literals - 1); // close the literal run
                if (literals == 0) op--; // an empty run takes no header

                // lzf first compares 16 bytes unrolled when more than 16 may match, then byte by byte: the unrolled
                // part can run up to 2 bytes past maxLength, which changes the output, so it is kept as is.
                var mismatched = false;
                if (maxLength > 16)
                {
                    for (var k = 0; k < 16; k++)
                    {
                        length++;
                        if (input[reference + length] != input[ip + length])
                        {
                            mismatched = true;
                            break;
                        }
                    }
                }
                if (!mismatched)
                {
                    do length++;
                    while (length < maxLength && input[reference + length] == input[ip + length]);
                }

                length -= 2; // the encoded length: bytes to copy - 2
                ip++;
                if (length < 7)
                {
                    output[op++] = (byte)((offset >> 8) + (length << 5));
                }
                else
                {
                    output[op++] = (byte)((offset >> 8) + (7 << 5));
                    output[op++] = (byte)(length - 7);
                }
                output[op++] = (byte)offset;
                literals = 0;
                op++; // header of the next literal run

                ip += length + 1;
                if (ip >= inEnd - 2) break;

                // VERY_FAST: hash the last two positions of the match too.
                ip -= 2;
                hash = First(input, ip);
                hash = Next(hash, input, ip);
                table[Slot(hash)] = epoch + ip;
                ip++;
                hash = Next(hash, input, ip);
                table[Slot(hash)] = epoch + ip;
                ip++;
            }
            else
            {
                if (op >= outEnd) return 0;
                literals++;
                output[op++] = input[ip++];
                if (literals == MaxLiteral)
                {
                    output[op - literals - 1] = (byte)(literals - 1);
                    literals = 0;
                    op++;
                }
            }
        }

        if (op + 3 > outEnd) return 0; // at most 2 bytes and one run header remain

        while (ip < inEnd)
        {
            literals++;
            output[op++] = input[ip++];
            if (literals == MaxLiteral)
            {
                output[op - literals - 1] = (byte)(literals - 1);
                literals = 0;
                op++;
            }
        }

        output[op - literals - 1] = (byte)(literals - 1);
        if (literals == 0) op--;
        return op;
    }

    /// <summary>
    /// lzf_decompress: the number of bytes written, or 0 when the input is malformed or does not fit in
    /// <paramref name="output"/>. Redis accepts the string when this equals the stored length, even 0 = 0.
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var ip = 0;
        var op = 0;
        while (ip < input.Length)
        {
            int control = input[ip++];
            if (control < 1 << 5)
            {
                var count = control + 1;
                if (op + count > output.Length || ip + count > input.Length) return 0;
                input.Slice(ip, count).CopyTo(output[op..]);
                ip += count;
                op += count;
            }
            else
            {
                var length = control >> 5;
                var reference = op - ((control & 0x1F) << 8) - 1;
                if (ip >= input.Length) return 0;
                if (length == 7)
                {
                    length += input[ip++];
                    if (ip >= input.Length) return 0;
                }
                reference -= input[ip++];
                length += 2;
                if (op + length > output.Length || reference < 0) return 0;
                if (reference + length <= op)
                {
                    output.Slice(reference, length).CopyTo(output[op..]);
                    op += length;
                }
                else
                {
                    // Overlapping copy: a run repeating the last few bytes, byte by byte as it is meant.
                    for (var k = 0; k < length; k++) output[op++] = output[reference + k];
                }
            }
        }
        return op;
    }

    private static uint First(ReadOnlySpan<byte> input, int position) => (uint)((input[position] << 8) | input[position + 1]);

    private static uint Next(uint hash, ReadOnlySpan<byte> input, int position) => (hash << 8) | input[position + 2];

    private static int Slot(uint hash) => (int)(((hash >> (3 * 8 - HashLog)) - hash * 5) & ((1 << HashLog) - 1));
}
