using System.Data.Common;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>A visible key as <see cref="ZSetStatements.SelectKey"/> reads it: type, id and (for a sorted set) size.</summary>
public sealed record ZSetKey(KeyType Type, long Id, long Size)
{
    public static ZSetKey Read(DbDataReader r) => new(
        (KeyType)Convert.ToByte(r.GetValue(0)), Convert.ToInt64(r.GetValue(1)), r.IsDBNull(2) ? 0 : Convert.ToInt64(r.GetValue(2)));

    /// <summary>This key when it is a sorted set; WRONGTYPE otherwise.</summary>
    public ZSetKey Checked() => Type == KeyType.ZSet ? this : throw new RedisException(RedisErrors.WrongType);
}
