using Microsoft.Extensions.Logging;
using MySqlConnector;
using RedisOnMySql.Kernel.Plugins;

namespace RedisOnMySql.Kernel.Migrations;

/// <summary>
/// The `migrate` subcommand: creates the database if needed and applies, in name order, the kernel's migrations
/// and then each plugin's, recording every applied file in schema_migrations so a rerun applies only new ones.
/// </summary>
public sealed class MigrationRunner(string serverConnectionString, string database, ILogger logger)
{
    public static IEnumerable<(string Source, string File)> Discover(IEnumerable<LoadedPlugin> plugins)
    {
        foreach (var file in SqlFiles(Path.Combine(AppContext.BaseDirectory, "migrations")))
            yield return ("kernel", file);
        foreach (var plugin in plugins.OrderBy(p => p.Name, StringComparer.Ordinal))
            foreach (var file in SqlFiles(plugin.MigrationsDirectory))
                yield return (plugin.Name, file);
    }

    private static IEnumerable<string> SqlFiles(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal)
        : [];

    public async Task<int> ApplyAsync(IEnumerable<(string Source, string File)> migrations)
    {
        await using (var server = new MySqlConnection(serverConnectionString))
        {
            await server.OpenAsync().ConfigureAwait(false);
            await using var create = new MySqlCommand($"CREATE DATABASE IF NOT EXISTS `{database.Replace("`", "``")}`", server);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var builder = new MySqlConnectionStringBuilder(serverConnectionString) { Database = database };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await Run(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR(255) NOT NULL PRIMARY KEY, " +
                              "applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB").ConfigureAwait(false);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var query = new MySqlCommand("SELECT name FROM schema_migrations", connection))
        await using (var reader = await query.ExecuteReaderAsync().ConfigureAwait(false))
            while (await reader.ReadAsync().ConfigureAwait(false)) applied.Add(reader.GetString(0));

        int count = 0;
        foreach (var (source, file) in migrations)
        {
            var name = $"{source}/{Path.GetFileName(file)}";
            if (applied.Contains(name)) continue;
            logger.LogInformation("Applying migration {Name}", name);
            await Run(connection, await File.ReadAllTextAsync(file).ConfigureAwait(false)).ConfigureAwait(false);
            await using var record = new MySqlCommand("INSERT INTO schema_migrations (name) VALUES (@name)", connection);
            record.Parameters.AddWithValue("@name", name);
            await record.ExecuteNonQueryAsync().ConfigureAwait(false);
            count++;
        }
        logger.LogInformation("{Count} migration(s) applied, {Skipped} already present", count, applied.Count);
        await new KeySlotBackfill(connection, logger).RunAsync().ConfigureAwait(false);
        return count;
    }

    private static async Task Run(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
