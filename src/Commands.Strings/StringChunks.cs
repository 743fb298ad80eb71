namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// How a string is stored: inline in its keyspace row up to <see cref="InlineMax"/> bytes, so GET and SET stay
/// one-row operations, and beyond that in <see cref="Size"/>-byte chunks (migrations/0001_string_chunks.sql), so
/// a command that touches a few bytes of a big value reads and rewrites one chunk.
/// </summary>
internal static class StringChunks
{
    /// <summary>Small enough that several chunk rows share an InnoDB page instead of each taking overflow pages.</summary>
    public const int Size = 4096;

    /// <summary>Holds a dense HyperLogLog (12,304 bytes) inline, where PFADD rewrites it whole as Redis does.</summary>
    public const int InlineMax = 16 * 1024;

    /// <summary>Chunks read or written per statement: 1 MB, well under MariaDB's default max_allowed_packet.</summary>
    public const int PerStatement = 256;

    public static long IndexOf(long offset) => offset / Size;
}
