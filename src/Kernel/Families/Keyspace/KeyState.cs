using System.Data.Common;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>A locked keyspace row without its value (columns type, expires_at): what RENAME, MOVE and COPY decide on.</summary>
internal sealed record KeyState(KeyType Type, long? ExpiresAt)
{
    public static KeyState Read(DbDataReader r) =>
        new((KeyType)Convert.ToByte(r.GetValue(0)), r.IsDBNull(1) ? null : r.GetInt64(1));

    public bool IsLiveAt(long nowMs) => ExpiresAt is null || ExpiresAt > nowMs;
}
