using System.Data.Common;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>A keyspace row as read by <see cref="KeyspaceStatements"/> (columns id, type, expires_at, v).</summary>
public sealed record KeyspaceRow(long Id, KeyType Type, long? ExpiresAt, byte[]? Value)
{
    public static KeyspaceRow Read(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0)),
        (KeyType)Convert.ToByte(r.GetValue(1)),
        r.IsDBNull(2) ? null : r.GetInt64(2),
        r.IsDBNull(3) ? null : (byte[])r.GetValue(3));

    public bool IsLiveAt(long nowMs) => ExpiresAt is null || ExpiresAt > nowMs;
}
