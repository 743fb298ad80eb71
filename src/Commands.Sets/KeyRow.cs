using System.Data.Common;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>A keyspace row as <see cref="SetStatements.SelectKeys"/> and <see cref="SetStatements.LockKeys"/> read it.</summary>
internal sealed record KeyRow(byte[] Key, long Id, KeyType Type, long? ExpiresAt)
{
    public static KeyRow Read(DbDataReader r) => new(
        (byte[])r.GetValue(0),
        Convert.ToInt64(r.GetValue(1)),
        (KeyType)Convert.ToByte(r.GetValue(2)),
        r.IsDBNull(3) ? null : r.GetInt64(3));

    public bool IsLiveAt(long nowMs) => ExpiresAt is null || ExpiresAt > nowMs;
}
