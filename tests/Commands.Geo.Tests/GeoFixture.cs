using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>One database and proxy for all geo tests, plus what MariaDB itself reports of the statements the proxy sends.</summary>
public sealed class GeoFixture : ProxyFixture
{
    /// <summary>
    /// Runs <paramref name="action"/> as a MySQL user of its own (tenant "tenantG") while MariaDB logs every statement
    /// into mysql.slow_log, and returns that user's statements with the index or table rows each one examined. The user
    /// is new, so the proxy opens new connections for it, which take the lowered threshold; the server's logging
    /// settings are restored afterwards.
    /// </summary>
    public async Task<List<LoggedStatement>> LoggedStatementsAsync(Func<RawRespClient, Task> action)
    {
        var user = $"tenantG:{Guid.NewGuid():N}"[..24];
        MariaDbServer.Shared.CreateUser(user, Password, Database);
        await using var root = await MariaDbServer.Shared.OpenRootConnectionAsync();
        var saved = await QueryAsync(root, "SELECT @@global.slow_query_log, @@global.log_output, @@global.long_query_time",
            r => (On: r.GetInt64(0), Output: r.GetString(1), Threshold: r.GetDouble(2)));
        await ExecuteAsync(root, "SET GLOBAL log_output = 'TABLE', long_query_time = 0, slow_query_log = ON");
        try
        {
            using var raw = await RawAsync(user);
            await action(raw);
        }
        finally
        {
            await ExecuteAsync(root, $"SET GLOBAL slow_query_log = {saved[0].On}, long_query_time = {saved[0].Threshold}, " +
                                     $"log_output = '{saved[0].Output}'");
        }
        await using var command = new MySqlCommand(
            "SELECT CONVERT(sql_text USING utf8mb4), rows_examined FROM mysql.slow_log WHERE user_host LIKE @user ORDER BY start_time", root);
        command.Parameters.AddWithValue("@user", user + "[%");
        var statements = new List<LoggedStatement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) statements.Add(new LoggedStatement(reader.GetString(0), reader.GetInt64(1)));
        return statements;
    }

    private static async Task<List<T>> QueryAsync<T>(MySqlConnection connection, string sql, Func<MySqlDataReader, T> map)
    {
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(map(reader));
        return rows;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A statement of mysql.slow_log: its text (values filled in) and the rows MariaDB examined for it.</summary>
public sealed record LoggedStatement(string Sql, long RowsExamined);

[CollectionDefinition(Name)]
public sealed class GeoCollection : ICollectionFixture<GeoFixture>
{
    public const string Name = "geo";
}
