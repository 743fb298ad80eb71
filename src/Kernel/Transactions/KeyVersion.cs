using System.Data.Common;

namespace RedisOnMySql.Kernel.Transactions;

/// <summary>
/// One state of a key: its keyspace row's id (never reused, so a re-created key differs) and version (changed by every
/// write of the row or of its children), with its expiry.
/// </summary>
public sealed record KeyVersion(long Id, ulong Ver, long? ExpiresAt)
{
    /// <summary>Columns k, id, ver, expires_at as <see cref="WatchStatements"/> select them.</summary>
    public static (byte[] Key, KeyVersion Version) Read(DbDataReader r) =>
        ((byte[])r.GetValue(0), new KeyVersion(Convert.ToInt64(r.GetValue(1)), Convert.ToUInt64(r.GetValue(2)),
            r.IsDBNull(3) ? null : r.GetInt64(3)));
}
