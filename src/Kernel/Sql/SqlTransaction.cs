using System.Data.Common;
using MySqlConnector;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Statements run inside one short transaction on one connection.</summary>
public sealed class SqlTransaction : ISqlRunner
{
    private readonly MySqlConnection _connection;
    private readonly MySqlTransaction _transaction;
    private readonly SqlScope _scope;

    internal SqlTransaction(MySqlConnection connection, MySqlTransaction transaction, SqlScope scope)
    {
        _connection = connection;
        _transaction = transaction;
        _scope = scope;
    }

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
}
