using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// Reads a big string whole without a lock, for GET and the other commands that return or need a whole value: one
/// statement gives its size and its chunks, so one version, assembled into the one buffer the reply is written from.
/// </summary>
internal static class BigStringReader
{
    /// <summary>
    /// The value of a big string that a first read found under <paramref name="id"/>. When a writer replaced or deleted
    /// it in between, the key is looked up again: the answer is then what the key holds now (a null value for another
    /// type, null when it is gone).
    /// </summary>
    public static async Task<(KeyType Type, byte[]? Value)?> ReadAsync(ISqlRunner sql, byte[] key, long id, long nowMs)
    {
        while (true)
        {
            if (await ReadByIdAsync(sql, id) is { } value) return (KeyType.String, value);
            if (await LookUpAsync(sql, key, nowMs) is not { } row) return null;
            if (row.Type != KeyType.String) return (row.Type, null);
            if (row.Inline is not null) return (KeyType.String, row.Inline);
            id = row.Id;
        }
    }

    /// <summary>A visible key's type, inline value (null for a big string and other types) and id; null when absent.</summary>
    public static async Task<(KeyType Type, byte[]? Inline, long Id)?> LookUpAsync(ISqlRunner sql, byte[] key, long nowMs)
    {
        var row = await sql.QueryFirstAsync(StringStatements.SelectValue,
            r => (Found: true, Type: (KeyType)Convert.ToByte(r.GetValue(0)), Value: r.IsDBNull(1) ? null : (byte[])r.GetValue(1),
                Id: Convert.ToInt64(r.GetValue(2))), key, nowMs);
        return row.Found ? (row.Type, row.Value, row.Id) : null;
    }

    /// <summary>True for a row of a string whose bytes are in chunks (columns k, type, v, ...).</summary>
    public static bool IsBig(object?[] row) => row[2] is not byte[] && (KeyType)Convert.ToByte(row[1]) == KeyType.String;

    private static async Task<byte[]?> ReadByIdAsync(ISqlRunner sql, long id)
    {
        byte[]? value = null;
        // Each chunk is copied from its row into the value as the row arrives: no chunk is held twice.
        await sql.QueryListAsync(StringStatements.SelectBigString, r =>
        {
            value ??= new byte[Convert.ToInt64(r.GetValue(0))];
            if (!r.IsDBNull(2))
            {
                long at = Convert.ToInt64(r.GetValue(1)) * StringChunks.Size;
                long length = Math.Min(r.GetBytes(2, 0, null, 0, 0), value.LongLength - at);
                if (length > 0) r.GetBytes(2, 0, value, (int)at, (int)length);
            }
            return false;
        }, id);
        return value;
    }
}
