using System.Data.Common;
using MySqlConnector;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>Turns a <see cref="Statement"/> and its values into a MySqlCommand on a given connection.</summary>
internal static class StatementCommand
{
    /// <summary>
    /// The command, prepared on the server: MySqlConnector keeps prepared statements per pooled session (connections
    /// are not reset between uses), so each statement text is parsed by MySQL once per connection, then executed
    /// over the binary protocol.
    /// </summary>
    public static async Task<MySqlCommand> CreateAsync(MySqlConnection connection, MySqlTransaction? transaction, SqlScope scope,
        Statement statement, object?[] values)
    {
        var command = new MySqlCommand(statement.Sql, connection, transaction);
        Bind(command.Parameters, scope, statement, values);
        await command.PrepareAsync().ConfigureAwait(false);
        return command;
    }

    /// <summary>
    /// The statements as one MySqlBatch, not prepared: MySqlConnector sends an unprepared batch in one round trip, while
    /// a prepared one would cost a round trip per statement.
    /// </summary>
    public static MySqlBatch CreateBatch(MySqlConnection connection, MySqlTransaction? transaction, SqlScope scope,
        IReadOnlyList<(Statement Statement, object?[] Values)> statements)
    {
        var batch = new MySqlBatch(connection, transaction);
        foreach (var (statement, values) in statements)
        {
            var command = new MySqlBatchCommand(statement.Sql);
            Bind(command.Parameters, scope, statement, values);
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    private static void Bind(MySqlParameterCollection parameters, SqlScope scope, Statement statement, object?[] values)
    {
        if (values.Length != statement.Parameters.Count)
            throw new ArgumentException(
                $"{statement.Name} takes {statement.Parameters.Count} values ({string.Join(", ", statement.Parameters)}), got {values.Length}");
        if (statement.UsesTenant) parameters.AddWithValue("@tenant", scope.Tenant);
        if (statement.UsesDb) parameters.AddWithValue("@db", scope.Db);
        for (int i = 0; i < values.Length; i++)
            parameters.AddWithValue("@" + statement.Parameters[i], values[i] ?? DBNull.Value);
        foreach (var slot in statement.KeySlots)
            parameters.AddWithValue("@" + slot.Name, KeySlot.Of((byte[])values[slot.KeyIndex]!));
    }

    public static async Task<T?> QueryFirstAsync<T>(MySqlCommand command, Func<DbDataReader, T> map)
    {
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false) ? map(reader) : default;
    }

    public static async Task<List<T>> QueryListAsync<T>(MySqlCommand command, Func<DbDataReader, T> map)
    {
        var list = new List<T>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false)) list.Add(map(reader));
        return list;
    }
}
