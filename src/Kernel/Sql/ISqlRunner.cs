using System.Data.Common;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Runs compiled statements with the session's tenant and db bound; values are passed in parameter order.</summary>
public interface ISqlRunner
{
    /// <summary>Maps the first row, or returns default when there is none.</summary>
    Task<T?> QueryFirstAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values);

    Task<List<T>> QueryListAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values);

    /// <summary>Returns the affected (found) row count.</summary>
    Task<int> ExecuteAsync(Statement statement, params object?[] values);

    /// <summary>
    /// Runs writes in order in one round trip: for the last writes of a transaction, such as a pop's delete and its
    /// bounds update. Sent unprepared as one batch, so worth it only for statements that would each be a round trip.
    /// </summary>
    Task ExecuteAllAsync(IReadOnlyList<(Statement Statement, object?[] Values)> statements);

    /// <summary>Runs an INSERT and returns the AUTO_INCREMENT id it generated (a new key's keyspace id).</summary>
    Task<long> InsertAsync(Statement statement, params object?[] values);

    /// <summary>
    /// Records an event of the session's tenant and db (or <paramref name="db"/>) in the feed, in this transaction: other
    /// proxies read it once it commits, and this proxy's listeners get it at commit. The same payload-less event is
    /// recorded once per transaction.
    /// </summary>
    Task AppendEventAsync(EventKind kind, byte[] topic, byte[]? payload = null, int? db = null);

    /// <summary>
    /// Publishes a keyspace notification of class <paramref name="type"/> (string, list, generic, ...) named
    /// <paramref name="eventName"/> (<c>set</c>, <c>lpush</c>, <c>del</c>, ...) about <paramref name="key"/> of the
    /// session's db (or <paramref name="db"/>), in this transaction, when the tenant's notify-keyspace-events asks for it:
    /// what Redis's notifyKeyspaceEvent does. Costs nothing more than a cached lookup when it does not.
    /// </summary>
    Task NotifyAsync(NotifyFlags type, string eventName, byte[] key, int? db = null);

    /// <summary>Records events with payloads (messages) in the session's db, in order, in one round trip.</summary>
    Task AppendEventsAsync(IReadOnlyList<(EventKind Kind, byte[] Topic, byte[] Payload)> events);
}
