namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// The server settings that decide how Redis 7.0 encodes a value in memory, and so in its DUMP payload. The defaults
/// are redis-server's own (without a config file); CONFIG SET can change each of them.
/// </summary>
public sealed record RdbEncodingOptions
{
    public static RdbEncodingOptions Default { get; } = new();

    /// <summary><c>hash-max-listpack-entries</c>: a hash with more fields is a hash table.</summary>
    public long HashMaxListpackEntries { get; init; } = 512;

    /// <summary><c>hash-max-listpack-value</c>: a hash with a longer field name or value is a hash table.</summary>
    public long HashMaxListpackValue { get; init; } = 64;

    /// <summary><c>set-max-intset-entries</c>: a set of integers with more members is a hash table.</summary>
    public long SetMaxIntsetEntries { get; init; } = 512;

    /// <summary><c>zset-max-listpack-entries</c>: a sorted set with more members is a skiplist.</summary>
    public long ZSetMaxListpackEntries { get; init; } = 128;

    /// <summary><c>zset-max-listpack-value</c>: a sorted set with a longer member is a skiplist.</summary>
    public long ZSetMaxListpackValue { get; init; } = 64;

    /// <summary>
    /// <c>list-max-listpack-size</c>: a negative value -1 … -5 caps each quicklist node at 4, 8, 16, 32 or 64 KB; a
    /// positive one caps its entries (and 8 KB).
    /// </summary>
    public int ListMaxListpackSize { get; init; } = -2;

    /// <summary><c>rdbcompression</c>: strings longer than 20 bytes are LZF-compressed when that saves space.</summary>
    public bool RdbCompression { get; init; } = true;
}
