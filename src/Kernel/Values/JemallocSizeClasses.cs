using System.Numerics;

namespace RedisOnMySql.Kernel.Values;

/// <summary>
/// The bytes jemalloc 5.3 (the allocator of Debian's redis-server 7.0) really hands out for a request, which is what
/// Redis's zmalloc_size reports: the request rounded up to a size class. On x86-64 with 4 KB pages the classes are 8,
/// then multiples of 16 up to 128, then four evenly spaced classes per doubling (160, 192, 224, 256, 320, …), for small
/// and large allocations alike.
/// </summary>
internal static class JemallocSizeClasses
{
    private const long Tiny = 8;
    private const long Quantum = 16;
    private const long LastQuantumClass = 128;

    /// <summary>The usable size of an allocation of <paramref name="size"/> bytes.</summary>
    public static long Usable(long size)
    {
        if (size <= Tiny) return Tiny;
        if (size <= LastQuantumClass) return (size + Quantum - 1) & ~(Quantum - 1);
        // size lies in (2^doubling, 2^(doubling + 1)], split into four classes of 2^(doubling - 2) bytes.
        var doubling = 63 - BitOperations.LeadingZeroCount((ulong)(size - 1));
        var step = 1L << (doubling - 2);
        return (size + step - 1) & ~(step - 1);
    }
}
