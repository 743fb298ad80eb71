using System.Numerics;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// Statements taking a variable number of values (keys, member hashes, key ids) are built only for power-of-two
/// counts and cached per count, so few statement shapes ever exist; unused slots repeat the first value, which
/// changes nothing in an IN list, an EXISTS over the same rows or an INSERT IGNORE.
/// </summary>
public static class InListShape
{
    /// <summary>The shape for <paramref name="count"/> values: 0 for none, else the next power of two.</summary>
    public static int For(int count) => count == 0 ? 0 : (int)BitOperations.RoundUpToPowerOf2((uint)count);

    /// <summary>
    /// Values per IN-list statement for callers that split longer lists: keeps placeholders far below MySQL's 65,535
    /// and the shapes few (at most 13 per statement kind).
    /// </summary>
    public const int MaxPerStatement = 4096;

    /// <summary><paramref name="items"/> in chunks of at most <see cref="MaxPerStatement"/>, each padded to its shape.</summary>
    public static IEnumerable<T[]> PaddedChunks<T>(IReadOnlyList<T> items) =>
        items.Chunk(MaxPerStatement).Select(chunk => Padded(chunk).ToArray());

    /// <summary><paramref name="items"/> padded to their shape by repeating the first.</summary>
    public static IEnumerable<T> Padded<T>(IReadOnlyList<T> items)
    {
        int shape = For(items.Count);
        for (int i = 0; i < shape; i++) yield return items[i < items.Count ? i : 0];
    }
}
