using MySqlConnector;
using RedisOnMySql.Kernel.Events;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// EXEC's MySQL transaction: <see cref="Executor"/> runs the queued commands in it, whatever their family, each
/// behind a savepoint so one command's error undoes only its own writes. Other clients and proxies see all of it at
/// <see cref="CommitAsync"/> or none of it; disposing without a commit rolls it back.
/// </summary>
internal sealed class QueuedTransaction(
    MySqlConnection connection, MySqlTransaction transaction, SqlTransaction tx, SqlExecutor executor, EventFeed? events)
    : IAsyncDisposable
{
    private bool _committed;

    /// <summary>The executor the queued commands see as the session's (SELECT moves it to another db, still inside).</summary>
    public SqlExecutor Executor { get; } = executor;

    /// <summary>The transaction itself, for the kernel's own statements (the WATCH check).</summary>
    public SqlTransaction Statements => tx;

    public void BeginCommand() => tx.Log.BeginCommand();

    public void EndCommand() => tx.Log.EndCommand();

    /// <summary>The command answered an error: its writes and events are undone, the others' stay.</summary>
    public Task UndoCommandAsync() => tx.Log.UndoCommandAsync(tx);

    /// <summary>Sends the last event inserts, commits, then gives this proxy's listeners the events, in order.</summary>
    public async Task CommitAsync()
    {
        await tx.FlushAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        _committed = true;
        foreach (var e in tx.Appended) events?.DeliverLocal(e);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            try { await transaction.RollbackAsync().ConfigureAwait(false); }
            // Already rolled back by the server, or the connection is gone and MySQL rolls back on its own.
            catch (Exception e) when (e is MySqlException or InvalidOperationException || BackendErrors.IsConnectionLoss(e)) { }
        }
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
