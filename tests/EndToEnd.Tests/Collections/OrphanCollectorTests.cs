using MySqlConnector;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Collections;

public class CollectorFixture : ProxyFixture
{
    protected override IDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["REDIS_MYSQL_ORPHAN_CLEANUP_INTERVAL_SECS"] = "1",
        ["REDIS_MYSQL_ORPHAN_CLEANUP_BATCH"] = "500",
        ["REDIS_MYSQL_EXPIRE_CLEANUP_INTERVAL_SECS"] = "1",
    };
}

/// <summary>
/// After deleting, overwriting, expiring, renaming over and flushing big collections, the collector brings the
/// child tables back to exactly the live keys' rows.
/// </summary>
public class OrphanCollectorTests(CollectorFixture fixture) : IClassFixture<CollectorFixture>
{
    [Fact]
    public async Task Child_tables_end_with_only_live_rows()
    {
        using var client = await fixture.RawAsync();
        string Key(string name) => ProxyFixture.Key(name);
        string deleted = Key("deleted"), overwritten = Key("overwritten"), expiring = Key("expiring"),
            kept = Key("kept"), renamedOver = Key("renamed-over"), renamed = Key("renamed"), flushed = Key("flushed"),
            deletedSet = Key("deleted-set"), keptSet = Key("kept-set"), expiringSet = Key("expiring-set");

        await FillHashAsync(client, deleted, 3000);
        await FillHashAsync(client, overwritten, 1200);
        await FillHashAsync(client, expiring, 700);
        await FillHashAsync(client, kept, 30);
        await FillHashAsync(client, renamedOver, 900);
        await FillHashAsync(client, renamed, 40);
        await FillSetAsync(client, deletedSet, 2500);
        await FillSetAsync(client, keptSet, 25);
        await FillSetAsync(client, expiringSet, 600);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", "1"));
        await FillHashAsync(client, flushed, 800);
        Assert.Equal("+OK\r\n", await client.CommandAsync("FLUSHDB"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", "0"));

        Assert.Equal(":2\r\n", await client.CommandAsync("DEL", deleted, deletedSet));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", overwritten, "now a string"));
        Assert.Equal(":1\r\n", await client.CommandAsync("PEXPIRE", expiring, "20"));
        Assert.Equal(":1\r\n", await client.CommandAsync("PEXPIRE", expiringSet, "20"));
        Assert.Equal("+OK\r\n", await client.CommandAsync("RENAME", renamed, renamedOver));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        (long Hash, long Set) orphans;
        do
        {
            await Task.Delay(500);
            orphans = (Orphans("hash_fields", 2), Orphans("set_members", 4));
        } while ((orphans.Hash > 0 || orphans.Set > 0) && DateTime.UtcNow < deadline);

        Assert.Equal((0L, 0L), orphans);
        Assert.Equal(30 + 40, Count("SELECT COUNT(*) FROM hash_fields"));
        Assert.Equal(25, Count("SELECT COUNT(*) FROM set_members"));
        Assert.Equal(":40\r\n", await client.CommandAsync("HLEN", renamedOver));
        Assert.Equal(":25\r\n", await client.CommandAsync("SCARD", keptSet));
    }

    [Fact]
    public async Task Big_strings_leave_only_the_live_values_chunks()
    {
        using var client = await fixture.RawAsync();
        string Key(string name) => ProxyFixture.Key(name);
        string deleted = Key("s-deleted"), overwritten = Key("s-overwritten"), expiring = Key("s-expiring"), kept = Key("s-kept"),
            regrown = Key("s-regrown");
        var big = new string('b', 40_000);
        foreach (var key in new[] { deleted, overwritten, expiring, kept, regrown })
            Assert.Equal("+OK\r\n", await client.CommandAsync("SET", key, big));
        Assert.Equal(":1\r\n", await client.CommandAsync("DEL", deleted));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", overwritten, "small now"));
        Assert.Equal(":1\r\n", await client.CommandAsync("PEXPIRE", expiring, "20"));
        // Small, then big again: a new id, so the old chunks are the collector's and never read back.
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", regrown, "x"));
        Assert.Equal(":20001\r\n", await client.CommandAsync("SETRANGE", regrown, "20000", "y"));

        var deadline = DateTime.UtcNow.AddSeconds(60);
        long orphans;
        do
        {
            await Task.Delay(500);
            orphans = Count("SELECT COUNT(*) FROM string_chunks c WHERE NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id " +
                "AND k.type = 1 AND k.v IS NULL AND (k.expires_at IS NULL OR k.expires_at > UNIX_TIMESTAMP(NOW(3)) * 1000))") +
                Count("SELECT COUNT(*) FROM string_sizes c WHERE NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id " +
                "AND k.type = 1 AND k.v IS NULL AND (k.expires_at IS NULL OR k.expires_at > UNIX_TIMESTAMP(NOW(3)) * 1000))");
        } while (orphans > 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, orphans);
        // The kept value's 10 chunks, and the regrown one's: the first and the last (the zeros between are not stored).
        Assert.Equal(10 + 2, Count("SELECT COUNT(*) FROM string_chunks"));
        Assert.Equal(":40000\r\n", await client.CommandAsync("STRLEN", kept));
        Assert.Equal("$9\r\nsmall now\r\n", await client.CommandAsync("GET", overwritten));
        Assert.Equal("$3\r\nx\0\0\r\n", await client.CommandAsync("GETRANGE", regrown, "0", "2"));
    }

    private static async Task FillHashAsync(RawRespClient client, string key, int fields)
    {
        for (int start = 0; start < fields; start += 250)
        {
            var args = new List<string> { "HSET", key };
            for (int i = start; i < Math.Min(fields, start + 250); i++) { args.Add($"f{i}"); args.Add($"v{i}"); }
            Assert.StartsWith(":", await client.CommandAsync(args.ToArray()));
        }
    }

    private static async Task FillSetAsync(RawRespClient client, string key, int members)
    {
        for (int start = 0; start < members; start += 250)
        {
            var args = new List<string> { "SADD", key };
            for (int i = start; i < Math.Min(members, start + 250); i++) args.Add($"m{i}");
            Assert.StartsWith(":", await client.CommandAsync(args.ToArray()));
        }
    }

    /// <summary>Child rows whose key is not a live key of the table's type.</summary>
    private long Orphans(string table, int type) => Count(
        $"SELECT COUNT(*) FROM {table} c WHERE NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id AND k.type = {type} " +
        "AND (k.expires_at IS NULL OR k.expires_at > UNIX_TIMESTAMP(NOW(3)) * 1000))");

    private long Count(string sql)
    {
        using var connection = MariaDbServer.Shared.OpenRootConnection(fixture.Database);
        using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
