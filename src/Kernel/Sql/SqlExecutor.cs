using System.Data;
using System.Data.Common;
using System.Diagnostics;
using MySqlConnector;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// The only way a handler reaches MySQL: single statements and short transactions on the session's pool,
/// with tenant and db bound here. Transactions are retried on contention according to a <see cref="RetryPolicy"/>.
/// </summary>
public sealed class SqlExecutor : ISqlRunner
{
    private readonly BackendPool _pool;

    public SqlExecutor(BackendPool pool, SqlScope scope, RetryPolicies retry)
    {
        _pool = pool;
        Scope = scope;
        Retry = retry;
    }

    public SqlScope Scope { get; }
    public RetryPolicies Retry { get; }

    /// <summary>The same pool, bound to another logical database (SELECT).</summary>
    public SqlExecutor WithDb(int db) => new(_pool, Scope with { Db = db }, Retry);

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
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        return await StatementCommand.QueryFirstAsync(command, map).ConfigureAwait(false);
    }

    public async Task<List<T>> QueryListAsync<T>(Statement statement, Func<DbDataReader, T> map, params object?[] values)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        return await StatementCommand.QueryListAsync(command, map).ConfigureAwait(false);
    }

    /// <summary>A single write; retried like string_set_retry when MySQL reports a deadlock or lock-wait timeout.</summary>
    public Task<int> ExecuteAsync(Statement statement, params object?[] values) => WithRetryAsync(async () =>
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }, Retry.Set, inTransaction: false);

    public Task<long> InsertAsync(Statement statement, params object?[] values) => WithRetryAsync(async () =>
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, statement, values).ConfigureAwait(false);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return command.LastInsertedId;
    }, Retry.Set, inTransaction: false);

    /// <summary>
    /// Answers planned reads in order on one connection: plans sharing a <see cref="KeyedRead"/> become one statement
    /// over their distinct keys (one round trip; IN-list padded to a power of two, so few shapes exist); any other
    /// plans run one prepared statement each. <paramref name="answer"/> gets each plan's first row.
    /// </summary>
    public async Task ReadBatchAsync(IReadOnlyList<ReadPlan> plans, Action<ReadPlan, object?[]?> answer)
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        if (plans.Count > 1 && plans[0].Keyed is { } keyed && plans.All(p => p.Keyed == keyed && p.Key != null))
        {
            await ReadMergedAsync(connection, keyed, plans, answer).ConfigureAwait(false);
            return;
        }
        foreach (var plan in plans)
        {
            await using var command = await StatementCommand.CreateAsync(connection, null, Scope, plan.Statement, plan.Values)
                .ConfigureAwait(false);
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            answer(plan, await FirstRowAsync(reader).ConfigureAwait(false));
        }
    }

    private async Task ReadMergedAsync(MySqlConnection connection, KeyedRead keyed, IReadOnlyList<ReadPlan> plans,
        Action<ReadPlan, object?[]?> answer)
    {
        var keys = plans.Select(p => p.Key!).Distinct(KeyBytesComparer.Instance).ToList();
        object?[] values = [.. InListShape.Padded(keys), plans[0].Values[^1]];
        await using var command = await StatementCommand.CreateAsync(connection, null, Scope, keyed.ForKeys(InListShape.For(keys.Count)), values)
            .ConfigureAwait(false);
        var rows = new Dictionary<byte[], object?[]>(KeyBytesComparer.Instance);
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows[(byte[])row[0]!] = row;
            }
        }
        foreach (var plan in plans) answer(plan, rows.GetValueOrDefault(plan.Key!));
    }

    private static async Task<object?[]?> FirstRowAsync(DbDataReader reader)
    {
        if (!await reader.ReadAsync().ConfigureAwait(false)) return null;
        var row = new object?[reader.FieldCount];
        reader.GetValues(row!);
        return row;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one READ COMMITTED transaction and commits it; on deadlock, lock-wait timeout
    /// or a racing insert it rolls back and runs the whole work again, as the policy allows. The work must therefore
    /// decide everything from what it reads inside the transaction.
    /// </summary>
    public Task<T> TransactionAsync<T>(Func<SqlTransaction, Task<T>> work, RetryPolicy policy) => WithRetryAsync(async () =>
    {
        await using var connection = await OpenAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
        try
        {
            var result = await work(new SqlTransaction(connection, transaction, Scope)).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
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
