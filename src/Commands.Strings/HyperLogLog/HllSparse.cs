using System.Text;

namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// The sparse encoding: run-length opcodes after the header. ZERO <c>00xxxxxx</c> is 1 to 64 zero registers, XZERO
/// <c>01xxxxxx yyyyyyyy</c> 1 to 16384 zero registers, VAL <c>1vvvvvxx</c> 1 to 4 registers of value 1 to 32. A valid
/// value covers exactly 16384 registers; anything else is corrupt.
/// </summary>
internal static class HllSparse
{
    /// <summary>The largest register value a VAL opcode holds; a higher one forces the dense encoding.</summary>
    public const int MaxValue = 32;

    public const string Corrupted = "INVALIDOBJ Corrupted HLL object detected";

    private const int ValMaxRun = 4;
    private const int ZeroMaxRun = 64;
    private const int XZeroMaxRun = 16384;

    /// <summary>
    /// One opcode at offset <paramref name="At"/>: the registers it covers, their value (0 for ZERO and XZERO) and its
    /// size in bytes.
    /// </summary>
    private readonly record struct Opcode(int At, int Run, byte Value, int Size)
    {
        public bool IsVal => Value > 0;
        public bool IsXZero => Size == 2;
    }

    /// <summary>
    /// The opcode at <paramref name="at"/>. An XZERO cut off by the end of the value reads its missing byte as 0, the
    /// terminator Redis finds there.
    /// </summary>
    private static Opcode Read(ReadOnlySpan<byte> data, int at)
    {
        byte b = data[at];
        if (IsVal(b)) return new(at, (b & 0x3) + 1, (byte)(((b >> 2) & 0x1f) + 1), 1);
        if (IsZero(b)) return new(at, (b & 0x3f) + 1, 0, 1);
        int low = at + 1 < data.Length ? data[at + 1] : 0;
        return new(at, ((b & 0x3f) << 8 | low) + 1, 0, 2);
    }

    /// <summary>The opcodes of <paramref name="data"/> in order, for <c>foreach</c>.</summary>
    private ref struct Opcodes(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _next;

        public Opcode Current { get; private set; }

        public bool MoveNext()
        {
            if (_next >= _data.Length) return false;
            Current = Read(_data, _next);
            _next += Current.Size;
            return true;
        }

        public readonly Opcodes GetEnumerator() => this;
    }

    private static bool IsVal(byte b) => (b & 0x80) != 0;

    private static bool IsZero(byte b) => (b & 0xc0) == 0;

    private static byte Val(int value, int run) => (byte)(0x80 | (value - 1) << 2 | (run - 1));

    /// <summary>Writes a ZERO or, past 64 registers, an XZERO opcode; returns its size.</summary>
    private static int WriteZeros(Span<byte> target, int run)
    {
        if (run <= ZeroMaxRun)
        {
            target[0] = (byte)(run - 1);
            return 1;
        }
        target[0] = (byte)(0x40 | (run - 1) >> 8);
        target[1] = (byte)(run - 1);
        return 2;
    }

    /// <summary>The opcodes of a value whose registers are all zero: XZEROs of 16384 registers.</summary>
    public static void WriteEmpty(Span<byte> target)
    {
        int size = 0;
        for (int left = HllValue.RegisterCount; left > 0; left -= XZeroMaxRun)
            size += WriteZeros(target[size..], Math.Min(left, XZeroMaxRun));
    }

    /// <summary>The size of what <see cref="WriteEmpty"/> writes.</summary>
    public static int EmptySize => (HllValue.RegisterCount + XZeroMaxRun - 1) / XZeroMaxRun * 2;

    /// <summary>
    /// Whether the opcodes cover exactly the 16384 registers, which Redis checks (since the fix of CVE-2025-32023, which
    /// Debian's 7.0 carries) before it trusts them: no run may go past the last register.
    /// </summary>
    private static bool CoversAllRegisters(ReadOnlySpan<byte> data)
    {
        int covered = 0;
        foreach (var op in new Opcodes(data))
        {
            covered += op.Run;
            if (covered > HllValue.RegisterCount) return false;
        }
        return covered == HllValue.RegisterCount;
    }

    /// <summary>Counts the registers holding each value; false when the value is corrupt.</summary>
    public static bool TryAddToHistogram(ReadOnlySpan<byte> data, Span<int> histogram)
    {
        if (!CoversAllRegisters(data)) return false;
        foreach (var op in new Opcodes(data)) histogram[op.Value] += op.Run;
        return true;
    }

    /// <summary>
    /// Raises each of the one-byte-per-register <paramref name="max"/> to this value's register; false when the value
    /// is corrupt.
    /// </summary>
    public static bool TryMaxInto(ReadOnlySpan<byte> data, Span<byte> max)
    {
        if (!CoversAllRegisters(data)) return false;
        int index = 0;
        foreach (var op in new Opcodes(data))
        {
            var run = max.Slice(index, op.Run);
            for (int i = 0; i < run.Length; i++) run[i] = Math.Max(run[i], op.Value);
            index += op.Run;
        }
        return true;
    }

    /// <summary>Writes the dense registers these opcodes describe; false when they are corrupt.</summary>
    public static bool TryExpand(ReadOnlySpan<byte> data, Span<byte> denseRegisters)
    {
        Span<byte> values = stackalloc byte[HllValue.RegisterCount];
        if (!TryMaxInto(data, values)) return false;
        HllDense.Pack(values, denseRegisters);
        return true;
    }

    /// <summary>PFDEBUG DECODE's text: <c>z:len</c>, <c>Z:len</c> and <c>v:value,len</c> separated by spaces.</summary>
    public static string Describe(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder();
        foreach (var op in new Opcodes(data))
        {
            if (op.IsVal) text.Append("v:").Append(op.Value).Append(',').Append(op.Run).Append(' ');
            else text.Append(op.IsXZero ? "Z:" : "z:").Append(op.Run).Append(' ');
        }
        return text.ToString().TrimEnd(' ');
    }

    /// <summary>
    /// Raises register <paramref name="index"/> to <paramref name="rank"/> in place (Redis's hllSparseSet): the
    /// opcode covering it is rewritten, split into up to three, then equal neighbouring VALs are joined again.
    /// <paramref name="buffer"/> holds the whole value in its first <paramref name="length"/> bytes and has room for 4
    /// more (an opcode grows by 3 at most; a cut-off XZERO is rewritten one byte past the end, as Redis does).
    /// </summary>
    public static SparseUpdate Raise(Span<byte> buffer, ref int length, int index, byte rank, long maxBytes)
    {
        if (rank > MaxValue) return SparseUpdate.NeedsDense;

        // Offsets from here on are into the opcodes, after the header.
        var opcodes = buffer[HllHeader.Size..];
        int end = length - HllHeader.Size;
        int previous = 0;
        long first = 0;
        Opcode? covering = null;
        foreach (var candidate in new Opcodes(opcodes[..end]))
        {
            if (index < first + candidate.Run)
            {
                covering = candidate;
                break;
            }
            previous = candidate.At;
            first += candidate.Run;
        }
        if (covering is not { } op) return SparseUpdate.Corrupt;
        if (op.IsVal && op.Value >= rank) return SparseUpdate.Unchanged;

        if (op.Run == 1 && !op.IsXZero)
        {
            opcodes[op.At] = Val(rank, 1);
        }
        else
        {
            Span<byte> sequence = stackalloc byte[5];
            int size = Split(sequence, op, (int)first, index, rank);
            int delta = size - op.Size;
            if (delta > 0 && length + delta > maxBytes) return SparseUpdate.NeedsDense;
            int next = op.At + op.Size;
            if (delta != 0 && next < end) opcodes[next..end].CopyTo(opcodes[(next + delta)..]);
            end += delta;
            sequence[..size].CopyTo(opcodes[op.At..]);
        }

        // Redis looks for VALs to join from the opcode before the changed one.
        JoinEqualValues(opcodes, ref end, previous);
        length = HllHeader.Size + end;
        HllHeader.MarkStale(buffer);
        return SparseUpdate.Updated;
    }

    /// <summary>
    /// The opcodes that replace <paramref name="op"/>, whose first register is <paramref name="first"/>, once register
    /// <paramref name="index"/> holds <paramref name="rank"/>; returns their size.
    /// </summary>
    private static int Split(Span<byte> sequence, Opcode op, int first, int index, byte rank)
    {
        int last = first + op.Run - 1, size = 0;
        if (index != first)
        {
            if (op.IsVal) sequence[size++] = Val(op.Value, index - first);
            else size += WriteZeros(sequence[size..], index - first);
        }
        sequence[size++] = Val(rank, 1);
        if (index != last)
        {
            if (op.IsVal) sequence[size++] = Val(op.Value, last - index);
            else size += WriteZeros(sequence[size..], last - index);
        }
        return size;
    }

    /// <summary>Joins adjacent VALs of one value (up to 4 registers), looking at 5 opcodes from <paramref name="at"/>.</summary>
    private static void JoinEqualValues(Span<byte> opcodes, ref int end, int at)
    {
        for (int scans = 5; at < end && scans > 0; scans--)
        {
            var op = Read(opcodes[..end], at);
            if (!op.IsVal)
            {
                at += op.Size;
                continue;
            }
            if (at + 1 < end && IsVal(opcodes[at + 1]))
            {
                var right = Read(opcodes, at + 1);
                if (right.Value == op.Value && op.Run + right.Run <= ValMaxRun)
                {
                    opcodes[at + 1] = Val(op.Value, op.Run + right.Run);
                    opcodes[(at + 1)..end].CopyTo(opcodes[at..]);
                    end--;
                    // Stay here: the joined opcode may join its right neighbour too.
                    continue;
                }
            }
            at++;
        }
    }
}
