using System.Data.Common;
using MySqlConnector;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// Statements run inside one transaction on one connection: a command's short transaction, or EXEC's, which every
/// queued command shares through views of it in their db (<see cref="WithScope"/>).
/// </summary>
public sealed class SqlTransaction : ISqlRunner
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;
    private readonly SqlScope _scope;
    private readonly EventFeed? _events;
    private readonly TransactionLog _log;

    internal SqlTransaction(MySqlConnection connection, MySqlTransaction transaction, SqlScope scope, EventFeed? events,
        TransactionLog? log = null)
    {
        _connection = connection;
        _transaction = transaction;
        _scope = scope;
        _events = events;
        _log = log ?? new TransactionLog();
    }

    /// <summary>The same transaction seen from another db.</summary>
    internal SqlTransaction WithScope(SqlScope scope) => new(_connection, _transaction, scope, _events, _log);

    internal TransactionLog Log => _log;

    /// <summary>The events this transaction appended, for the executor to deliver locally after the commit.</summary>
    internal IReadOnlyList<FeedEvent> Appended => _log.Appended;

    public Task<T?> QueryFirstAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values) =>
        RunAsync(statement, values, async command =>
        {
            var row = await StatementCommand.QueryFirstAsync(command, map).ConfigureAwait(false);
            _log.Locked(statement, values, _scope);
            return row;
        });

    public Task<List<T>> QueryListAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values) =>
        RunAsync(statement, values, async command =>
        {
            var rows = await StatementCommand.QueryListAsync(command, map).ConfigureAwait(false);
            _log.Locked(statement, values, _scope);
            return rows;
        });

    public async Task<int> ExecuteAsync(Statement statement, params object?[] values)
    {
        // The statements waiting to be sent (events, version changes, EXEC's savepoint) ride in the same round trip.
        var before = TakeWaiting();
        int found = before is null
            ? await RunAsync(statement, values, command => command.ExecuteNonQueryAsync()).ConfigureAwait(false)
            : await BatchAsync([.. before, (statement, values)], LastRecordsAffectedAsync).ConfigureAwait(false);
        if (found > 0 && statement.WritesChildRows) _log.ChildRowsWritten();
        return found;
    }

    public async Task ExecuteAllAsync(IReadOnlyList<(Statement Statement, object?[] Values)> statements)
    {
        var all = TakeWaiting() ?? [];
        all.AddRange(statements);
        // A batch reports one total, so its writes of child rows count as changes.
        if (statements.Any(s => s.Statement.WritesChildRows)) all.AddRange(_log.TakeTouches());
        if (all.Count > 0) await BatchAsync(all, NoResultAsync).ConfigureAwait(false);
    }

    public async Task<long> InsertAsync(Statement statement, params object?[] values)
    {
        if (TakeWaiting() is { } before) await BatchAsync(before, NoResultAsync).ConfigureAwait(false);
        long id = await RunAsync(statement, values, async command =>
        {
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            return command.LastInsertedId;
        }).ConfigureAwait(false);
        if (statement.WritesChildRows) _log.ChildRowsWritten();
        return id;
    }

    /// <summary>
    /// EXEC's prelude, then the queued event inserts and version changes, taken to be sent now; null (and nothing
    /// allocated, on every write's path) when nothing waits.
    /// </summary>
    private List<(Statement Statement, object?[] Values)>? TakeWaiting()
    {
        _log.ThrowIfFailed();
        var waiting = _log.Prelude();
        if (_log.Pending.Count == 0) return waiting;
        waiting ??= new List<(Statement, object?[])>(_log.Pending.Count);
        waiting.AddRange(_log.Pending);
        _log.Pending.Clear();
        return waiting;
    }

    private async Task<T> RunAsync<T>(Statement statement, object?[] values, Func<MySqlCommand, Task<T>> run)
    {
        _log.ThrowIfFailed();
        try
        {
            await using var command = await StatementCommand.CreateAsync(_connection, _transaction, _scope, statement, values).ConfigureAwait(false);
            return await run(command).ConfigureAwait(false);
        }
        catch (MySqlException e)
        {
            _log.Fail(e);
            throw;
        }
    }

    private async Task<T> BatchAsync<T>(IReadOnlyList<(Statement Statement, object?[] Values)> statements, Func<MySqlBatch, Task<T>> run)
    {
        try
        {
            await using var batch = StatementCommand.CreateBatch(_connection, _transaction, _scope, statements);
            return await run(batch).ConfigureAwait(false);
        }
        catch (MySqlException e)
        {
            _log.Fail(e);
            throw;
        }
    }

    private static async Task<int> NoResultAsync(MySqlBatch batch) => await batch.ExecuteNonQueryAsync().ConfigureAwait(false);

    /// <summary>
    /// The rows the batch's last write found, asked of MySQL as the batch's one result: the counts of a batch's
    /// statements reach the client only as one total.
    /// </summary>
    private static async Task<int> LastRecordsAffectedAsync(MySqlBatch batch)
    {
        batch.BatchCommands.Add(new MySqlBatchCommand("SELECT ROW_COUNT()"));
        return Convert.ToInt32(await batch.ExecuteScalarAsync().ConfigureAwait(false));
    }

    public Task NotifyAsync(NotifyFlags type, string eventName, byte[] key, int? db = null) => _log.NotificationsMuted > 0
        ? Task.CompletedTask
        : KeyspaceMessages.PublishAsync(this, _events, _scope, type, eventName, key, db);

    public Task AppendEventsAsync(IReadOnlyList<(EventKind Kind, byte[] Topic, byte[] Payload)> events)
    {
        foreach (var (kind, topic, payload) in events) Append(new FeedEvent(_scope.Tenant, _scope.Db, kind, topic, payload));
        return Task.CompletedTask;
    }

    public Task AppendEventAsync(EventKind kind, byte[] topic, byte[]? payload = null, int? db = null)
    {
        var e = new FeedEvent(_scope.Tenant, db ?? _scope.Db, kind, topic, payload);
        if (payload != null || !_log.Appended.Any(a => a.Kind == kind && a.Db == e.Db && a.Payload == null
                                                       && KeyBytesComparer.Instance.Equals(a.Topic, topic)))
            Append(e);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues an event's insert: nothing in the transaction reads the feed, so the insert rides with the transaction's
    /// next write or goes just before the commit (<see cref="FlushAsync"/>), never costing a round trip of its own when
    /// a write follows.
    /// </summary>
    private void Append(FeedEvent e)
    {
        var feed = _events ?? throw new InvalidOperationException("this executor has no event feed");
        _log.Pending.Add((EventStatements.Append, [e.Db, (int)e.Kind, e.Topic, e.Payload, feed.Origin, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()]));
        _log.Appended.Add(e);
    }

    /// <summary>Writes the queued event inserts; the executor calls it before committing.</summary>
    internal Task FlushAsync() => _log.Pending.Count == 0 ? Task.CompletedTask : ExecuteAllAsync([]);
}
