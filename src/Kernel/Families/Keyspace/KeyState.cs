using System.Data.Common;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>A locked keyspace row without its value (columns id, type, expires_at): what RENAME, MOVE and COPY decide on.</summary>
internal sealed record KeyState(long Id, KeyType Type, long? ExpiresAt)
{
    public static KeyState Read(DbDataReader r) =>
        new(Convert.ToInt64(r.GetValue(0)), (KeyType)Convert.ToByte(r.GetValue(1)), r.IsDBNull(2) ? null : r.GetInt64(2));

    public bool IsLiveAt(long nowMs) => ExpiresAt is null || ExpiresAt > nowMs;
}
