using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// New elements split into multi-row inserts: at most <see cref="MaxRows"/> rows (far below MySQL's 65,535
/// placeholders) and about <see cref="MaxBytes"/> of values per statement (below the default max_allowed_packet),
/// each chunk sent as a power-of-two shape so few statement texts ever exist.
/// </summary>
internal static class ItemChunks
{
    public const int MaxRows = 1024;
    public const int MaxBytes = 4 << 20;

    /// <summary>The inserts of <paramref name="rows"/> under the list <paramref name="keyId"/>, one per chunk.</summary>
    public static IEnumerable<(Statement Statement, object?[] Values)> Inserts(long keyId, IReadOnlyList<(long Pos, byte[] Value)> rows)
    {
        for (int start = 0; start < rows.Count;)
        {
            int length = 0;
            long bytes = 0;
            while (start + length < rows.Count && length < MaxRows && (length == 0 || bytes + rows[start + length].Value.Length <= MaxBytes))
                bytes += rows[start + length++].Value.Length;
            yield return (ListStatements.InsertItems(InListShape.For(length)), Bind(keyId, rows, start, length));
            start += length;
        }
    }

    /// <summary>Values for a statement of the chunk's shape: key_id, then pos and value per slot, spare slots repeating the last row.</summary>
    private static object?[] Bind(long keyId, IReadOnlyList<(long Pos, byte[] Value)> rows, int start, int length)
    {
        int shape = InListShape.For(length);
        var values = new object?[1 + 2 * shape];
        values[0] = keyId;
        for (int slot = 0; slot < shape; slot++)
        {
            var (pos, value) = rows[start + Math.Min(slot, length - 1)];
            values[1 + 2 * slot] = pos;
            values[2 + 2 * slot] = value;
        }
        return values;
    }
}
