using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Implemented by a collection family: the tables where its keys' elements live. The kernel then copies them for
/// COPY and collects them after DEL, overwrite, expiry, FLUSH — without the family doing anything.
/// </summary>
public interface IChildRowOwner
{
    IReadOnlyList<ChildTable> ChildTables { get; }
}
