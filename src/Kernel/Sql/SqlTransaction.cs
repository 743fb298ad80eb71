using System.Data.Common;
using MySqlConnector;
using RedisOnMySql.Kernel.Events;
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

    public async Task<long> InsertAsync(Statement statement, params object?[] values)
    {
        await using var command = await StatementCommand.CreateAsync(_connection, _transaction, _scope, statement, values).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return command.LastInsertedId;
    }

    public async Task AppendEventAsync(EventKind kind, byte[] topic, byte[]? payload = null, int? db = null)
    {
        var feed = _events ?? throw new InvalidOperationException("this executor has no event feed");
        var e = new FeedEvent(_scope.Tenant, db ?? _scope.Db, kind, topic, payload);
        if (payload == null && _appended.Any(a => a.Kind == kind && a.Db == e.Db && a.Payload == null
                                                  && KeyBytesComparer.Instance.Equals(a.Topic, topic)))
            return;
        await ExecuteAsync(EventStatements.Append, e.Db, (int)kind, topic, payload, feed.Origin,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ConfigureAwait(false);
        _appended.Add(e);
    }
}
