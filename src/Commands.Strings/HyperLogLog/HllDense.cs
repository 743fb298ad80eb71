namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// The dense encoding: 16384 registers of 6 bits packed least significant bit first, so every 3 bytes hold 4
/// registers.
/// </summary>
internal static class HllDense
{
    public const int RegisterBits = 6;
    public const int RegisterMax = (1 << RegisterBits) - 1;
    public const int RegistersSize = HllValue.RegisterCount * RegisterBits / 8;
    public const int ValueSize = HllHeader.Size + RegistersSize;

    public static byte Get(ReadOnlySpan<byte> registers, int index)
    {
        int bit = index * RegisterBits, at = bit >> 3, shift = bit & 7;
        int word = registers[at];
        if (shift > 8 - RegisterBits) word |= registers[at + 1] << 8;
        return (byte)((word >> shift) & RegisterMax);
    }

    public static void Set(Span<byte> registers, int index, byte value)
    {
        int bit = index * RegisterBits, at = bit >> 3, shift = bit & 7;
        bool straddles = shift > 8 - RegisterBits;
        int word = registers[at] | (straddles ? registers[at + 1] << 8 : 0);
        word = (word & ~(RegisterMax << shift)) | (value << shift);
        registers[at] = (byte)word;
        if (straddles) registers[at + 1] = (byte)(word >> 8);
    }

    /// <summary>Raises the register to <paramref name="rank"/>; false when it already was as high.</summary>
    public static bool Raise(Span<byte> registers, int index, byte rank)
    {
        if (Get(registers, index) >= rank) return false;
        Set(registers, index, rank);
        return true;
    }

    /// <summary>Counts the registers holding each value (0 to 63).</summary>
    public static void AddToHistogram(ReadOnlySpan<byte> registers, Span<int> histogram)
    {
        for (int at = 0; at < RegistersSize; at += 3)
        {
            int word = registers[at] | registers[at + 1] << 8 | registers[at + 2] << 16;
            for (int shift = 0; shift < 24; shift += RegisterBits) histogram[(word >> shift) & RegisterMax]++;
        }
    }

    /// <summary>Raises each of the one-byte-per-register <paramref name="max"/> to this value's register.</summary>
    public static void MaxInto(ReadOnlySpan<byte> registers, Span<byte> max)
    {
        for (int at = 0, index = 0; at < RegistersSize; at += 3)
        {
            int word = registers[at] | registers[at + 1] << 8 | registers[at + 2] << 16;
            for (int shift = 0; shift < 24; shift += RegisterBits, index++)
                max[index] = Math.Max(max[index], (byte)((word >> shift) & RegisterMax));
        }
    }

    /// <summary>Packs one-byte-per-register values (each at most 63) into dense registers.</summary>
    public static void Pack(ReadOnlySpan<byte> values, Span<byte> registers)
    {
        for (int at = 0, index = 0; at < RegistersSize; at += 3, index += 4)
        {
            int word = values[index] | values[index + 1] << 6 | values[index + 2] << 12 | values[index + 3] << 18;
            registers[at] = (byte)word;
            registers[at + 1] = (byte)(word >> 8);
            registers[at + 2] = (byte)(word >> 16);
        }
    }
}
