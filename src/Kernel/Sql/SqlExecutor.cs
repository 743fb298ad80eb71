using System.Data;
using System.Data.Common;
using System.Diagnostics;
using MySqlConnector;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// The only way a handler reaches MySQL: single statements and short transactions on the session's pool,
/// with tenant and db bound here. Transactions are retried on contention according to a <see cref="RetryPolicy"/>.
/// </summary>
public sealed class SqlExecutor : ISqlRunner
{
    private readonly BackendPool _pool;
    private readonly EventFeed? _events;

    /// <summary>EXEC's transaction, when this executor runs a queued command: every statement and transaction joins it.</summary>
    private readonly SqlTransaction? _ambient;

    /// <param name="events">the feed its transactions append to; null for maintenance work, which appends nothing</param>
    public SqlExecutor(BackendPool pool, SqlScope scope, RetryPolicies retry, EventFeed? events = null)
        : this(pool, scope, retry, events, null)
    {
    }

    private SqlExecutor(BackendPool pool, SqlScope scope, RetryPolicies retry, EventFeed? events, SqlTransaction? ambient)
    {
        _pool = pool;
        Scope = scope;
        Retry = retry;
        _events = events;
        _ambient = ambient;
    }

    public SqlScope Scope { get; }
    public RetryPolicies Retry { get; }

    /// <summary>The same pool, bound to another logical database (SELECT), inside the same EXEC if there is one.</summary>
    public SqlExecutor WithDb(int db) => new(_pool, Scope with { Db = db }, Retry, _events, _ambient?.WithScope(Scope with { Db = db }));

    /// <summary>Whether this executor runs inside EXEC's transaction (or another that the kernel opened the same way).</summary>
    internal bool InTransaction => _ambient is not null;

    /// <summary>
    /// Until disposed, the statements of this transaction record no keyspace notification (other events, such as the
    /// wake-ups of blocked clients, still go out). Only inside a transaction, whose commit the caller's own events join.
    /// </summary>
    internal IDisposable WithoutNotifications()
    {
        var log = (_ambient ?? throw new InvalidOperationException("notifications are muted only inside a transaction")).Log;
        log.NotificationsMuted++;
        return new MutedNotifications(log);
    }

    private sealed class MutedNotifications(TransactionLog log) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            log.NotificationsMuted--;
        }
    }

    /// <summary>This executor outside of any EXEC.</summary>
    internal SqlExecutor WithoutTransaction() => _ambient is null ? this : new(_pool, Scope, Retry, _events, null);

    /// <summary>
    /// Starts EXEC's transaction: the executor it returns runs every statement, transaction and plan of the queued
    /// commands inside it, with a savepoint per command (<see cref="TransactionLog"/>).
    /// </summary>
    internal async Task<QueuedTransaction> BeginQueuedAsync(IsolationLevel isolation)
    {
        var connection = await OpenAsync().ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(isolation).ConfigureAwait(false);
            var tx = new SqlTransaction(connection, transaction, Scope, _events, new TransactionLog(savepoints: true));
            return new QueuedTransaction(connection, transaction, tx, new SqlExecutor(_pool, Scope, Retry, _events, tx), _events);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<MySqlConnection> OpenAsync()
    {
        _pool.Touch();
        var connection = new MySqlConnection(_pool.ConnectionString);
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<T?> QueryFirstAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values)
    {
        if (_ambient is not null) return await _ambient.QueryFirstAsync(statement, map, values).ConfigureAwait(false);
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        return await StatementCommand.QueryFirstAsync(command, map).ConfigureAwait(false);
    }

    public async Task<List<T>> QueryListAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values)
    {
        if (_ambient is not null) return await _ambient.QueryListAsync(statement, map, values).ConfigureAwait(false);
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        return await StatementCommand.QueryListAsync(command, map).ConfigureAwait(false);
    }

    /// <summary>A single write; retried like string_set_retry when MySQL reports a deadlock or lock-wait timeout.</summary>
    public Task<int> ExecuteAsync(Statement statement, params object?[] values) => _ambient is not null
        ? _ambient.ExecuteAsync(statement, values)
        : WithRetryAsync(async () =>
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }, Retry.Set, inTransaction: false);

    public Task NotifyAsync(NotifyFlags type, string eventName, byte[] key, int? db = null) => _ambient is not null
        ? _ambient.NotifyAsync(type, eventName, key, db)
        : KeyspaceMessages.PublishAsync(this, _events, Scope, type, eventName, key, db);

    /// <summary>Messages committed together; this proxy's listeners get them after the commit, in order.</summary>
    public Task AppendEventsAsync(IReadOnlyList<(EventKind Kind, byte[] Topic, byte[] Payload)> events) =>
        TransactionAsync(async tx =>
        {
            await tx.AppendEventsAsync(events).ConfigureAwait(false);
            return true;
        }, Retry.Set);

    /// <summary>The statements in one round trip and one transaction, so they apply together or not at all.</summary>
    public Task ExecuteAllAsync(IReadOnlyList<(Statement Statement, object?[] Values)> statements) =>
        TransactionAsync(async tx =>
        {
            await tx.ExecuteAllAsync(statements).ConfigureAwait(false);
            return true;
        }, Retry.Set);

    public Task<long> InsertAsync(Statement statement, params object?[] values) => _ambient is not null
        ? _ambient.InsertAsync(statement, values)
        : WithRetryAsync(async () =>
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return command.LastInsertedId;
    }, Retry.Set, inTransaction: false);

    /// <summary>
    /// An event on its own (a PUBLISH): one autocommitted insert, then this proxy's listeners get it (see
    /// <see cref="ISqlRunner.AppendEventAsync"/>).
    /// </summary>
    public async Task AppendEventAsync(EventKind kind, byte[] topic, byte[]? payload = null, int? db = null)
    {
        if (_ambient is not null)
        {
            await _ambient.AppendEventAsync(kind, topic, payload, db).ConfigureAwait(false);
            return;
        }
        var feed = _events ?? throw new InvalidOperationException("this executor has no event feed");
        var e = new FeedEvent(Scope.Tenant, db ?? Scope.Db, kind, topic, payload);
        await ExecuteAsync(EventStatements.Append, e.Db, (int)kind, topic, payload, feed.Origin,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ConfigureAwait(false);
        feed.DeliverLocal(e);
    }

    /// <summary>
    /// Answers plans in order. A run of consecutive plans sharing a <see cref="PlanMerge"/> goes through that merge's
    /// queue for this pool, tenant and db, where it is coalesced with other clients' plans into one statement; other
    /// plans run one prepared statement each on one connection. <paramref name="answer"/> gets each plan's first row.
    /// </summary>
    public async Task RunPlansAsync(IReadOnlyList<CommandPlan> plans, Action<CommandPlan, object?[]?> answer)
    {
        if (_ambient is not null)
        {
            await RunInTransactionAsync(plans, answer).ConfigureAwait(false);
            return;
        }
        for (int start = 0; start < plans.Count;)
        {
            int end = start + 1;
            var merge = plans[start].Merge;
            while (end < plans.Count && plans[end].Merge == merge) end++;
            var run = start == 0 && end == plans.Count ? plans : plans.Skip(start).Take(end - start).ToList();
            if (merge != null) await _pool.QueueFor(this, merge).RunAsync(run, answer).ConfigureAwait(false);
            else await RunEachAsync(run, answer).ConfigureAwait(false);
            start = end;
        }
    }

    /// <summary>Inside EXEC, plans are not shared with other clients: each runs alone in EXEC's transaction.</summary>
    private async Task RunInTransactionAsync(IReadOnlyList<CommandPlan> plans, Action<CommandPlan, object?[]?> answer)
    {
        foreach (var plan in plans)
        {
            var row = plan.Merge is { } merge
                ? (await RunMergedAsync(merge, [plan]).ConfigureAwait(false))[0]
                : await QueryFirstAsync(plan.Statement, ReadRow, plan.Values).ConfigureAwait(false);
            answer(plan, row);
        }
    }

    private async Task RunEachAsync(IReadOnlyList<CommandPlan> plans, Action<CommandPlan, object?[]?> answer)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        foreach (var plan in plans)
        {
            await using var command = await StatementCommand.CreateAsync(connection, null, Scope, plan.Statement, plan.Values)
                .ConfigureAwait(false);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            answer(plan, await FirstRowAsync(reader).ConfigureAwait(false));
        }
    }

    /// <summary>Runs plans of one merge as one statement (a lone plan as its own); returns each plan's row, in plan order.</summary>
    internal async Task<object?[]?[]> RunMergedAsync(PlanMerge merge, IReadOnlyList<CommandPlan> plans) => merge switch
    {
        KeyedRead read when plans.Count == 1 =>
            await read.CompleteAsync(this, [await QueryFirstAsync(plans[0].Statement, ReadRow, plans[0].Values).ConfigureAwait(false)]).ConfigureAwait(false),
        KeyedRead read => await read.CompleteAsync(this, await ReadKeysAsync(read, plans).ConfigureAwait(false)).ConfigureAwait(false),
        KeyedWrite write => await WriteRowsAsync(write, plans).ConfigureAwait(false),
        KeyedUpdate update => await UpdateKeysAsync(update, plans).ConfigureAwait(false),
        SharedTransaction shared => await TransactionAsync(tx => shared.Work(tx, plans), shared.Retry(Retry)).ConfigureAwait(false),
        _ => throw new ArgumentException($"unknown plan merge {merge.GetType().Name}", nameof(merge)),
    };

    private async Task<object?[]?[]> ReadKeysAsync(KeyedRead keyed, IReadOnlyList<CommandPlan> plans)
    {
        var keys = plans.Select(p => p.Key!).Distinct(KeyBytesComparer.Instance).ToList();
        object?[] values = [.. InListShape.Padded(keys), plans.Max(p => (long)p.Values[^1]!)];
        var rows = new Dictionary<byte[], object?[]>(KeyBytesComparer.Instance);
        await using (var connection = await OpenAsync().ConfigureAwait(false))
        await using (var command = await StatementCommand.CreateAsync(connection, null, Scope, keyed.ForKeys(InListShape.For(keys.Count)), values)
                         .ConfigureAwait(false))
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var row = ReadRow(reader);
                rows[(byte[])row[0]!] = row;
            }
        }
        return plans.Select(p => rows.GetValueOrDefault(p.Key!)).ToArray();
    }

    /// <summary>
    /// One multi-row write: the last row of each key wins, rows in key order, padded to a power of two by repeating
    /// the first row (writing the same row twice changes nothing). Retried whole on deadlock like any single write;
    /// rows beyond one statement's share go in one transaction.
    /// </summary>
    private async Task<object?[]?[]> WriteRowsAsync(KeyedWrite keyed, IReadOnlyList<CommandPlan> plans)
    {
        var last = new SortedDictionary<byte[], ArraySegment<object?>>(KeyBytesComparer.Instance);
        foreach (var plan in plans)
        {
            for (int start = 0; start < plan.Values.Length; start += keyed.RowWidth)
                last[(byte[])plan.Values[start]!] = new ArraySegment<object?>(plan.Values, start, keyed.RowWidth);
        }
        var chunks = last.Values.Chunk(KeyedWrite.MaxRowsPerStatement).ToList();
        bool notify = await NotifiesAsync(plans).ConfigureAwait(false);
        if (chunks.Count == 1 && !notify) await WriteChunkAsync(this, keyed, chunks[0]).ConfigureAwait(false);
        else await TransactionAsync(async tx =>
        {
            // Keys that are live before the writes: the others raise new, when the tenant asks for it.
            var live = notify && await NotifiesAsync(NotifyFlags.New).ConfigureAwait(false)
                ? await LiveKeysAsync(tx, last.Keys).ConfigureAwait(false)
                : null;
            foreach (var chunk in chunks) await WriteChunkAsync(tx, keyed, chunk).ConfigureAwait(false);
            if (!notify) return true;
            // Every row a plan wrote, in arrival order, as Redis would have raised them one command after another.
            foreach (var plan in plans.Where(p => p.Notify is not null))
            {
                for (int start = 0; start < plan.Values.Length; start += keyed.RowWidth)
                {
                    var key = (byte[])plan.Values[start]!;
                    if (live?.Add(key) == true) await tx.NotifyAsync(NotifyFlags.New, "new", key).ConfigureAwait(false);
                    await tx.NotifyAsync(plan.Notify!.Type, plan.Notify.Event, key).ConfigureAwait(false);
                }
            }
            return true;
        }, Retry.Set).ConfigureAwait(false);
        return new object?[]?[plans.Count];
    }

    /// <summary>Whether the plans raise keyspace notifications (their own, or new) that the tenant's notify-keyspace-events asks for.</summary>
    private async Task<bool> NotifiesAsync(IReadOnlyList<CommandPlan> plans) =>
        plans.Any(p => p.Notify is not null)
        && await NotifiesAsync(plans.Aggregate(NotifyFlags.New, (all, p) => all | (p.Notify?.Type ?? NotifyFlags.None))).ConfigureAwait(false);

    /// <summary>Which of <paramref name="keys"/> hold a live value, read inside the caller's transaction.</summary>
    private static async Task<HashSet<byte[]>> LiveKeysAsync(ISqlRunner tx, IEnumerable<byte[]> keys)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var expiries = await LookupEvents.ReadExpiriesAsync(tx, keys).ConfigureAwait(false);
        return new HashSet<byte[]>(expiries.Where(e => e.Value is null || e.Value > now).Select(e => e.Key), KeyBytesComparer.Instance);
    }

    /// <summary>
    /// Whether the tenant's notify-keyspace-events asks for events of any class in <paramref name="types"/> (a cached
    /// lookup): a command that writes in one statement takes a transaction only when it must record notifications.
    /// </summary>
    public async Task<bool> NotifiesAsync(NotifyFlags types) =>
        KeyspaceMessages.Wanted(await NotifyFlagsAsync().ConfigureAwait(false), types);

    /// <summary>The tenant's notify-keyspace-events (cached); none without a feed (maintenance executors).</summary>
    public async ValueTask<NotifyFlags> NotifyFlagsAsync() =>
        _events is null ? NotifyFlags.None : await _events.Notifications.FlagsAsync(this, Scope.Tenant).ConfigureAwait(false);

    /// <summary>The tenant's last notify-keyspace-events read, without waiting (<see cref="NotificationSettings.LastKnown"/>).</summary>
    public NotifyFlags? LastKnownNotifyFlags() => _events is null ? NotifyFlags.None : _events.Notifications.LastKnown(this, Scope.Tenant);

    private static Task<int> WriteChunkAsync(ISqlRunner sql, KeyedWrite keyed, ArraySegment<object?>[] rows) =>
        sql.ExecuteAsync(keyed.ForRows(InListShape.For(rows.Length)), [.. InListShape.Padded(rows).SelectMany(row => row)]);

    /// <summary>
    /// One transaction for a batch of read-modify-write plans: lock every key's row in key order, apply the plans in
    /// order, write what changed, commit. A retry (deadlock, a key created meanwhile) runs it all again.
    /// </summary>
    private Task<object?[]?[]> UpdateKeysAsync(KeyedUpdate keyed, IReadOnlyList<CommandPlan> plans) => TransactionAsync(async tx =>
    {
        var keys = plans.Select(p => p.Key!).Distinct(KeyBytesComparer.Instance).Order(KeyBytesComparer.Instance).ToList();
        var locked = await tx.QueryListAsync(keyed.LockRows(InListShape.For(keys.Count)), ReadRow, [.. InListShape.Padded(keys)])
            .ConfigureAwait(false);
        var rows = locked.ToDictionary(row => (byte[])row[0]!, row => row, KeyBytesComparer.Instance);
        var existed = new HashSet<byte[]>(rows.Keys, KeyBytesComparer.Instance);
        var writes = new SortedDictionary<byte[], object?[]>(KeyBytesComparer.Instance);
        long now = plans.Max(p => (long)p.Values[^1]!);
        var replies = new object?[]?[plans.Count];
        for (int i = 0; i < plans.Count; i++)
        {
            var key = plans[i].Key!;
            var step = keyed.Apply(plans[i], rows.GetValueOrDefault(key), now);
            if (step.Row != null) rows[key] = step.Row;
            if (step.Write != null)
            {
                writes[key] = step.Write;
                if (plans[i].Notify is { } notify)
                {
                    if (step.Created) await tx.NotifyAsync(NotifyFlags.New, "new", key).ConfigureAwait(false);
                    await tx.NotifyAsync(notify.Type, notify.Event, key).ConfigureAwait(false);
                }
            }
            replies[i] = step.Reply;
        }
        var updates = writes.Where(w => existed.Contains(w.Key)).Select(w => w.Value).ToList();
        var inserts = writes.Where(w => !existed.Contains(w.Key)).Select(w => w.Value).ToList();
        if (updates.Count > 0)
            await tx.ExecuteAsync(keyed.UpdateRows(InListShape.For(updates.Count)), [.. InListShape.Padded(updates).SelectMany(v => v)])
                .ConfigureAwait(false);
        foreach (var chunk in inserts.Chunk(KeyedUpdate.MaxInsertRows))
            await tx.ExecuteAsync(keyed.InsertRows(chunk.Length), [.. chunk.SelectMany(v => v)]).ConfigureAwait(false);
        return replies;
    }, keyed.Retry(Retry));

    private static async Task<object?[]?> FirstRowAsync(DbDataReader reader) =>
        await reader.ReadAsync().ConfigureAwait(false) ? ReadRow(reader) : null;

    private static object?[] ReadRow(DbDataReader reader)
    {
        var row = new object?[reader.FieldCount];
        reader.GetValues(row!);
        return row;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one READ COMMITTED transaction and commits it; on deadlock, lock-wait timeout
    /// or a racing insert it rolls back and runs the whole work again, as the policy allows. The work must therefore
    /// decide everything from what it reads inside the transaction.
    /// </summary>
    public Task<T> TransactionAsync<T>(Func<SqlTransaction, Task<T>> work, RetryPolicy policy) => _ambient is not null
        ? work(_ambient)
        : WithRetryAsync(async () =>
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
        try
        {
            var tx = new SqlTransaction(connection, transaction, Scope, _events);
            var result = await work(tx).ConfigureAwait(false);
            await tx.FlushAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            foreach (var e in tx.Appended) _events!.DeliverLocal(e);
            return result;
        }
        catch (MySqlException)
        {
            await SafeRollbackAsync(transaction).ConfigureAwait(false);
            throw;
        }
    }, policy, inTransaction: true);

    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> attempt, RetryPolicy policy, bool inTransaction)
    {
        var clock = Stopwatch.StartNew();
        for (int n = 1; ; n++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (MySqlException e) when (RetryPolicy.IsRetryable(e, inTransaction) && n < policy.MaxAttempts
                                           && (policy.DeadlineMs <= 0 || clock.ElapsedMilliseconds < policy.DeadlineMs))
            {
                await Task.Delay(policy.Backoff(n)).ConfigureAwait(false);
            }
        }
    }

    private static async Task SafeRollbackAsync(MySqlTransaction transaction)
    {
        try { await transaction.RollbackAsync().ConfigureAwait(false); }
        catch (MySqlException) { /* the server already rolled back on deadlock */ }
        catch (InvalidOperationException) { }
    }
}
