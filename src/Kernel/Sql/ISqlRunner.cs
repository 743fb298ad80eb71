using System.Data.Common;

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
}
