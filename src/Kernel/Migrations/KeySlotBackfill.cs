using Microsoft.Extensions.Logging;
using MySqlConnector;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Migrations;

/// <summary>
/// Fills in the hash slot of keys that have none (migrations/0008_key_slots.sql): those written before that migration,
/// or by an older proxy since. One pass in id order, 1,000 keys per transaction; a key's version is left alone, as its
/// slot is no change of the key.
/// </summary>
internal sealed class KeySlotBackfill(MySqlConnection connection, ILogger logger)
{
    private const int Batch = 1000;

    public async Task<long> RunAsync()
    {
        long after = 0, filled = 0;
        while (true)
        {
            var keys = new List<(ulong Id, byte[] Key)>(Batch);
            await using (var select = new MySqlCommand(
                "SELECT id, k FROM keyspace WHERE id > @after AND slot IS NULL ORDER BY id LIMIT " + Batch, connection))
            {
                select.Parameters.AddWithValue("@after", after);
                await using var reader = await select.ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false)) keys.Add((reader.GetUInt64(0), (byte[])reader[1]));
            }
            if (keys.Count == 0) break;
            await using (var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false))
            {
                await using var update = new MySqlCommand("UPDATE keyspace SET slot = @slot WHERE id = @id AND slot IS NULL", connection, transaction);
                var slot = update.Parameters.Add("@slot", MySqlDbType.UInt16);
                var id = update.Parameters.Add("@id", MySqlDbType.UInt64);
                await update.PrepareAsync().ConfigureAwait(false);
                foreach (var (keyId, key) in keys)
                {
                    slot.Value = (ushort)KeySlot.Of(key);
                    id.Value = keyId;
                    filled += await update.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                await transaction.CommitAsync().ConfigureAwait(false);
            }
            after = (long)keys[^1].Id;
        }
        if (filled > 0) logger.LogInformation("Filled in the hash slot of {Count} key(s)", filled);
        return filled;
    }
}
