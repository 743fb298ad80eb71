using System.Numerics;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>
/// A HyperLogLog string value laid out byte for byte as Redis stores it (header, then sparse or dense registers),
/// changed in place by the commands and written back whole.
/// </summary>
internal sealed class HllValue
{
    /// <summary>Bits of an element's hash that pick its register.</summary>
    public const int P = 14;

    /// <summary>Bits of the hash whose run of trailing zeros gives the rank.</summary>
    public const int Q = 64 - P;

    public const int RegisterCount = 1 << P;

    private const uint HashSeed = 0xadc83b19;

    private byte[] _bytes;
    private int _length;
    private readonly long _sparseMaxBytes;

    private HllValue(byte[] bytes, long sparseMaxBytes)
    {
        _bytes = bytes;
        _length = bytes.Length;
        _sparseMaxBytes = sparseMaxBytes;
    }

    /// <summary>
    /// What PFADD and PFMERGE create: sparse, every register zero, the cached cardinality 0. A sparse value turns
    /// dense when it would grow past <paramref name="sparseMaxBytes"/> (hll-sparse-max-bytes, header included).
    /// </summary>
    public static HllValue CreateEmpty(long sparseMaxBytes)
    {
        var bytes = new byte[HllHeader.Size + HllSparse.EmptySize];
        HllHeader.Write(bytes, HllEncoding.Sparse);
        HllSparse.WriteEmpty(bytes.AsSpan(HllHeader.Size));
        return new HllValue(bytes, sparseMaxBytes);
    }

    /// <summary>Takes over a stored value whose header passed <see cref="HllHeader.IsValid"/>.</summary>
    public static HllValue Wrap(byte[] value, long sparseMaxBytes) => new(value, sparseMaxBytes);

    public HllEncoding Encoding => HllHeader.Encoding(_bytes);

    public ReadOnlyMemory<byte> Bytes => _bytes.AsMemory(0, _length);

    private Span<byte> DenseRegisters => _bytes.AsSpan(HllHeader.Size, HllDense.RegistersSize);

    private ReadOnlySpan<byte> SparseOpcodes => _bytes.AsSpan(HllHeader.Size, _length - HllHeader.Size);

    /// <summary>
    /// Redis's hllPatLen: the low <see cref="P"/> bits of the element's MurmurHash64A pick the register, and the rank
    /// is 1 + the number of trailing zeros in the next <see cref="Q"/> bits (Q + 1 when they are all zero).
    /// </summary>
    public static (int Register, byte Rank) Observe(ReadOnlySpan<byte> element)
    {
        ulong hash = MurmurHash64A.Hash(element, HashSeed);
        int register = (int)(hash & (RegisterCount - 1));
        ulong rest = (hash >> P) | (1UL << Q);
        return (register, (byte)(BitOperations.TrailingZeroCount(rest) + 1));
    }

    /// <summary>Adds an element; true when a register changed. INVALIDOBJ when a sparse value is corrupt.</summary>
    public bool Add(ReadOnlySpan<byte> element)
    {
        var (register, rank) = Observe(element);
        return Raise(register, rank);
    }

    /// <summary>
    /// Raises a register to <paramref name="rank"/> if it is lower, turning a sparse value dense when the rank or the
    /// size calls for it; true when the register changed.
    /// </summary>
    public bool Raise(int register, byte rank)
    {
        if (Encoding == HllEncoding.Dense) return HllDense.Raise(DenseRegisters, register, rank);
        if (_bytes.Length < _length + 4) Array.Resize(ref _bytes, Math.Max(_length + 4, _bytes.Length * 2));
        switch (HllSparse.Raise(_bytes, ref _length, register, rank, _sparseMaxBytes))
        {
            case SparseUpdate.Unchanged: return false;
            case SparseUpdate.Updated: return true;
            case SparseUpdate.Corrupt: throw CorruptedError();
        }
        ToDense();
        // The sparse opcodes showed the register lower than the rank, so this raises it.
        return HllDense.Raise(DenseRegisters, register, rank);
    }

    /// <summary>Converts a sparse value to dense (header and cached cardinality kept); false when it already was.</summary>
    public bool ToDense()
    {
        if (Encoding == HllEncoding.Dense) return false;
        var dense = new byte[HllDense.ValueSize];
        _bytes.AsSpan(0, HllHeader.Size).CopyTo(dense);
        dense[HllHeader.EncodingOffset] = (byte)HllEncoding.Dense;
        if (!HllSparse.TryExpand(SparseOpcodes, dense.AsSpan(HllHeader.Size))) throw CorruptedError();
        _bytes = dense;
        _length = dense.Length;
        return true;
    }

    /// <summary>The estimated cardinality (not the cached one). INVALIDOBJ when a sparse value is corrupt.</summary>
    public ulong Count()
    {
        Span<int> histogram = stackalloc int[HllEstimator.HistogramSize];
        if (Encoding == HllEncoding.Dense) HllDense.AddToHistogram(DenseRegisters, histogram);
        else if (!HllSparse.TryAddToHistogram(SparseOpcodes, histogram)) throw CorruptedError();
        return HllEstimator.Estimate(histogram);
    }

    /// <summary>Raises each of the one-byte-per-register <paramref name="max"/> to this value's register.</summary>
    public void MaxInto(Span<byte> max)
    {
        if (Encoding == HllEncoding.Dense) HllDense.MaxInto(DenseRegisters, max);
        else if (!HllSparse.TryMaxInto(SparseOpcodes, max)) throw CorruptedError();
    }

    /// <summary>A register of a dense value.</summary>
    public byte Register(int index) => HllDense.Get(DenseRegisters, index);

    /// <summary>PFDEBUG DECODE's text of a sparse value.</summary>
    public string DescribeSparse() => HllSparse.Describe(SparseOpcodes);

    public void MarkStale() => HllHeader.MarkStale(_bytes);

    private static RedisException CorruptedError() => new(HllSparse.Corrupted);
}
