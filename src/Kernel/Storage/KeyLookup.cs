using System.Data.Common;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// Reads of one visible key by a collection family, outside a transaction: absent is null or default, another live
/// type is WRONGTYPE. Shared so every family answers the same way.
/// </summary>
public static class KeyLookup
{
    /// <summary>The keyspace id of the visible key when it holds <paramref name="type"/>; null when absent.</summary>
    public static async Task<long?> FindIdAsync(ISqlRunner sql, byte[] key, KeyType type, long nowMs)
    {
        var row = await sql.QueryFirstAsync(KeyspaceStatements.SelectIdAndType,
            r => (Found: true, Id: Convert.ToInt64(r.GetValue(0)), Type: (KeyType)Convert.ToByte(r.GetValue(1))), key, nowMs)
            .ConfigureAwait(false);
        if (!row.Found) return null;
        if (row.Type != type) throw new RedisException(RedisErrors.WrongType);
        return row.Id;
    }

    /// <summary>
    /// Runs a point read of one key whose first column is the visible key's type and the rest is what
    /// <paramref name="map"/> reads; default when the key is absent, WRONGTYPE when it does not hold <paramref name="type"/>.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(ISqlRunner sql, Statement statement, KeyType type, Func<DbDataReader, T> map,
        params object?[] values)
    {
        var row = await sql.QueryFirstAsync(statement,
            r => (Found: true, Type: (KeyType)Convert.ToByte(r.GetValue(0)), Value: map(r)), values).ConfigureAwait(false);
        if (!row.Found) return default;
        if (row.Type != type) throw new RedisException(RedisErrors.WrongType);
        return row.Value;
    }
}
