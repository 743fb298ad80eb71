using System.Data.Common;
using MySqlConnector;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Statements run inside one short transaction on one connection.</summary>
public sealed class SqlTransaction : ISqlRunner
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;
    private readonly SqlScope _scope;
    private readonly EventFeed? _events;
    private readonly List<FeedEvent> _appended = new();
    private readonly List<(Statement, object?[])> _pending = new();

    internal SqlTransaction(MySqlConnection connection, MySqlTransaction transaction, SqlScope scope, EventFeed? events)
    {
        _connection = connection;
        _transaction = transaction;
        _scope = scope;
        _events = events;
    }

    /// <summary>The events this transaction appended, for the executor to deliver locally after the commit.</summary>
    internal IReadOnlyList<FeedEvent> Appended => _appended;

    public async Task<T?> QueryFirstAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values)
    {
        await using var command = await StatementCommand.CreateAsync(_connection, _transaction, _scope, statement, values).ConfigureAwait(false);
        return await StatementCommand.QueryFirstAsync(command, map).ConfigureAwait(false);
    }

    public async Task<List<T>> QueryListAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values)
    {
        await using var command = await StatementCommand.CreateAsync(_connection, _transaction, _scope, statement, values).ConfigureAwait(false);
        return await StatementCommand.QueryListAsync(command, map).ConfigureAwait(false);
    }

    public async Task<int> ExecuteAsync(Statement statement, params object?[] values)
    {
        await using var command = await StatementCommand.CreateAsync(_connection, _transaction, _scope, statement, values).ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task ExecuteAllAsync(IReadOnlyList<(Statement Statement, object?[] Values)> statements)
    {
        List<(Statement, object?[])> all = [.. _pending, .. statements];
        _pending.Clear();
        if (all.Count == 0) return;
        await using var batch = StatementCommand.CreateBatch(_connection, _transaction, _scope, all);
        await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public async Task<long> InsertAsync(Statement statement, params object?[] values)
    {
        await using var command = await StatementCommand.CreateAsync(_connection, _transaction, _scope, statement, values).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return command.LastInsertedId;
    }

    public Task NotifyAsync(NotifyFlags type, string eventName, byte[] key, int? db = null) =>
        KeyspaceMessages.PublishAsync(this, _events, _scope, type, eventName, key, db);

    public Task AppendEventsAsync(IReadOnlyList<(EventKind Kind, byte[] Topic, byte[] Payload)> events)
    {
        foreach (var (kind, topic, payload) in events) Append(new FeedEvent(_scope.Tenant, _scope.Db, kind, topic, payload));
        return Task.CompletedTask;
    }

    public Task AppendEventAsync(EventKind kind, byte[] topic, byte[]? payload = null, int? db = null)
    {
        var e = new FeedEvent(_scope.Tenant, db ?? _scope.Db, kind, topic, payload);
        if (payload != null || !_appended.Any(a => a.Kind == kind && a.Db == e.Db && a.Payload == null
                                                   && KeyBytesComparer.Instance.Equals(a.Topic, topic)))
            Append(e);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues an event's insert: nothing in the transaction reads the feed, so the insert rides with the transaction's
    /// next batch of writes (<see cref="ExecuteAllAsync"/>) or goes just before the commit (<see cref="FlushAsync"/>),
    /// never costing a round trip of its own when a batch follows.
    /// </summary>
    private void Append(FeedEvent e)
    {
        var feed = _events ?? throw new InvalidOperationException("this executor has no event feed");
        _pending.Add((EventStatements.Append, [e.Db, (int)e.Kind, e.Topic, e.Payload, feed.Origin, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()]));
        _appended.Add(e);
    }

    /// <summary>Writes the queued event inserts; the executor calls it before committing.</summary>
    internal Task FlushAsync() => _pending.Count == 0 ? Task.CompletedTask : ExecuteAllAsync([]);
}
