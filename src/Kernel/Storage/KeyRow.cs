using System.Data.Common;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// A keyspace row with its key, as <see cref="KeyRowStatements"/> read several keys at once (multi-key commands such as
/// the set and sorted-set algebra): key, id, type and expiry.
/// </summary>
public sealed record KeyRow(byte[] Key, long Id, KeyType Type, long? ExpiresAt)
{
    public static KeyRow Read(DbDataReader r) => new(
        (byte[])r.GetValue(0),
        Convert.ToInt64(r.GetValue(1)),
        (KeyType)Convert.ToByte(r.GetValue(2)),
        r.IsDBNull(3) ? null : r.GetInt64(3));

    public bool IsLiveAt(long nowMs) => ExpiresAt is null || ExpiresAt > nowMs;
}
