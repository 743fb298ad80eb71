namespace RedisOnMySql.Kernel.Values;

/// <summary>
/// What Redis 7.0 allocates for an sds string (sds.c): a header whose type is the smallest that holds the length (1, 3,
/// 5, 9 or 17 bytes), the bytes, and a terminating NUL, rounded up by jemalloc.
/// </summary>
internal static class SdsAllocations
{
    /// <summary>Redis's PROTO_MBULK_BIG_ARG: from this length on an argument is kept in the buffer it was read into.</summary>
    public const long BigArgument = 32 * 1024;

    /// <summary>What sdsnewlen allocates for exactly <paramref name="length"/> bytes (sdsdup, sdsfromlonglong, keys).</summary>
    public static long Exact(long length) => JemallocSizeClasses.Usable(HeaderSize(length) + length + 1);

    /// <summary>
    /// A SET value of <see cref="BigArgument"/> bytes or more sent in one command (networking.c): Redis does not copy
    /// it but keeps the query buffer it read it into, sized for the value and its CRLF, with the header that size
    /// needs. tryObjectEncoding trims it only when more than a tenth of it is free (the free space sds records is
    /// capped by its header type), and the trimmed string keeps that header. A connection whose earlier big argument
    /// was larger reuses that buffer instead; this is the first, or a growing, one.
    /// </summary>
    public static long ReadWhole(long length)
    {
        var header = HeaderSize(length + 2);
        var allocated = JemallocSizeClasses.Usable(header + length + 3);
        var recordedFree = Math.Min(allocated - header - 1, MaxLength(header)) - length;
        return recordedFree > length / 10 ? JemallocSizeClasses.Usable(header + length + 1) : allocated;
    }

    // sdsReqType: type 5 (a 1-byte header) below 32 bytes, except for the empty string, which gets type 8.
    private static long HeaderSize(long length) => length switch
    {
        0 => 3,
        < 1 << 5 => 1,
        < 1 << 8 => 3,
        < 1 << 16 => 5,
        < 1L << 32 => 9,
        _ => 17,
    };

    // The longest length (and allocation) an sds header of this size can record.
    private static long MaxLength(long headerSize) => headerSize switch
    {
        3 => byte.MaxValue,
        5 => ushort.MaxValue,
        9 => uint.MaxValue,
        _ => long.MaxValue,
    };
}
