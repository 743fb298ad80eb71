using System.Data.Common;
using RedisOnMySql.Kernel.Events;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Runs compiled statements with the session's tenant and db bound; values are passed in parameter order.</summary>
public interface ISqlRunner
{
    /// <summary>Maps the first row, or returns default when there is none.</summary>
    Task<T?> QueryFirstAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values);

    Task<List<T>> QueryListAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values);

    /// <summary>Returns the affected (found) row count.</summary>
    Task<int> ExecuteAsync(Statement statement, params object?[] values);

    /// <summary>Runs an INSERT and returns the AUTO_INCREMENT id it generated (a new key's keyspace id).</summary>
    Task<long> InsertAsync(Statement statement, params object?[] values);

    /// <summary>
    /// Records an event of the session's tenant and db (or <paramref name="db"/>) in the feed, in this transaction: other
    /// proxies read it once it commits, and this proxy's listeners get it at commit. The same payload-less event is
    /// recorded once per transaction.
    /// </summary>
    Task AppendEventAsync(EventKind kind, byte[] topic, byte[]? payload = null, int? db = null);
}
