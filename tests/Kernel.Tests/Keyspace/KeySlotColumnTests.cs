using MySqlConnector;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.Kernel.Tests.Keyspace.KeyspaceFixture;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>Every way a key gets its name in the keyspace writes its hash slot (migrations/0008_key_slots.sql).</summary>
[Collection(KeyspaceCollection.Name)]
public class KeySlotColumnTests(KeyspaceFixture fixture)
{
    [Fact]
    public async Task Writes_of_every_kind_store_the_slot_of_the_key()
    {
        using var raw = await fixture.RawAsync();
        string prefix = ProxyFixture.Key("slots");
        byte[] binary = [.. Bytes(prefix), 0x00, 0xFF, (byte)'{', 0x80, (byte)'}'];
        string set = prefix + ":set", many1 = prefix + ":{m}1", many2 = prefix + ":{m}2", hash = prefix + ":hash",
            renamed = prefix + ":renamed", copied = prefix + ":copied", incr = prefix + ":n", list = prefix + ":list";
        await raw.CallAsync("SET", set, "v");
        await raw.CommandAsync([Bytes("SET"), binary, Bytes("v")]);
        await raw.CallAsync("MSET", many1, "1", many2, "2");
        await raw.CallAsync("HSET", hash, "f", "v");
        await raw.CallAsync("INCR", incr);
        await raw.CallAsync("RPUSH", list, "a");
        await raw.CallAsync("SET", prefix + ":old", "v");
        await raw.CallAsync("RENAME", prefix + ":old", renamed);
        await raw.CallAsync("COPY", hash, copied);
        await raw.CallAsync("MOVE", set, "3");

        foreach (var (key, db) in new (byte[], int)[]
                 {
                     (Bytes(set), 3), (binary, 0), (Bytes(many1), 0), (Bytes(many2), 0), (Bytes(hash), 0), (Bytes(incr), 0),
                     (Bytes(list), 0), (Bytes(renamed), 0), (Bytes(copied), 0),
                 })
            Assert.Equal(KeySlot.Of(key), SlotOf(key, db));
    }

    private int? SlotOf(byte[] key, int db)
    {
        using var connection = MariaDbServer.Shared.OpenRootConnection(fixture.Database);
        using var command = new MySqlCommand("SELECT slot FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k", connection);
        command.Parameters.AddWithValue("@tenant", TenantA);
        command.Parameters.AddWithValue("@db", db);
        command.Parameters.AddWithValue("@k", key);
        var slot = command.ExecuteScalar();
        Assert.NotNull(slot);
        return slot is DBNull ? null : Convert.ToInt32(slot);
    }
}
