using System.Numerics;

namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// BITPOS's search for the first bit equal to <paramref name="bit"/> in a <see cref="BitRange"/>, fed its bytes
/// (<see cref="BitRange.FirstByte"/> to <see cref="BitRange.EndByte"/>) in consecutive pieces of any size until it finds one.
/// </summary>
internal sealed class BitPositionFinder(BitRange range, int bit)
{
    private readonly byte _skipped = bit == 1 ? (byte)0x00 : (byte)0xFF;
    private long _nextByte = range.FirstByte;
    private long? _found;

    /// <summary>Looks through the next piece; true once the bit is found, and no more pieces are needed.</summary>
    public bool Search(ReadOnlySpan<byte> piece)
    {
        long start = _nextByte;
        _nextByte += piece.Length;
        for (int i = 0; i < piece.Length; i++)
        {
            int next = piece[i..].IndexOfAnyExcept(_skipped);
            if (next < 0) return false;
            i += next;
            long index = start + i;
            // Only the first and last bytes can match outside the range; their masked value tells.
            int matches = (bit == 1 ? piece[i] : ~piece[i]) & range.MaskOf(index);
            if (matches != 0)
            {
                _found = index * 8 + BitOperations.LeadingZeroCount((uint)matches) - 24;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The reply: the position found, or -1; but a 0 not found when the caller gave no end is the first bit after the
    /// range, since Redis then sees the string as padded with zeros on the right.
    /// </summary>
    public long Position(bool endGiven) => _found ?? (bit == 0 && !endGiven ? range.LastBit + 1 : -1);
}
