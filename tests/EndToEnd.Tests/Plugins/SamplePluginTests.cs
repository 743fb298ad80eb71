using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Plugins;

/// <summary>A third-party plugin: its migration, its own dependency, and tenant scoping of its own table.</summary>
[Collection(SamplePluginCollection.Name)]
public class SamplePluginTests(SamplePluginFixture fixture)
{
    private int Port => fixture.Proxy.Port;

    [Fact]
    public async Task Migrate_applies_and_records_the_plugin_migration()
    {
        Assert.Contains("Applying migration SamplePlugin/0001_sample.sql", fixture.Migration.Output);
        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(fixture.Database);
        Assert.Equal(1L, await Scalar(connection, "SELECT COUNT(*) FROM schema_migrations WHERE name = 'SamplePlugin/0001_sample.sql'"));
        Assert.Equal(1L, await Scalar(connection,
            $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{fixture.Database}' AND table_name = 'sample_hits'"));
        // Only the plugin's own migration is recorded under its name (no kernel file copied into the plugin folder).
        Assert.Equal(1L, await Scalar(connection, "SELECT COUNT(*) FROM schema_migrations WHERE name LIKE 'SamplePlugin/%'"));
    }

    [Fact]
    public async Task A_second_migrate_applies_nothing()
    {
        var (exitCode, output) = await fixture.MigrateAsync();
        Assert.True(exitCode == 0, output);
        Assert.Contains("0 migration(s) applied", output);
        Assert.DoesNotContain("Applying migration", output);
    }

    [Fact]
    public async Task Startup_logs_the_plugin_and_its_family()
    {
        Assert.True(await fixture.Proxy.WaitForOutputAsync("Loaded plugin SamplePlugin", TimeSpan.FromSeconds(5)), fixture.Proxy.Output);
        Assert.Matches(@"Enabled families: [^\n]*\bsample\b", fixture.Proxy.Output);
    }

    [Fact]
    public async Task Sample_json_is_built_with_the_plugins_own_newtonsoft()
    {
        using var client = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        const string json = "{\"key\":\"k1\",\"tenant\":\"tenantA\",\"library\":\"Newtonsoft.Json 13.0.0.0\"}";
        Assert.Equal($"${json.Length}\r\n{json}\r\n", await client.CommandAsync("SAMPLE.JSON", "k1"));
    }

    [Fact]
    public async Task Sample_json_escapes_binary_and_quotes()
    {
        using var client = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserB, ProxyFixture.Password);
        var reply = await client.CommandAsync("sample.json", "a\"b\r\n\0");
        Assert.Contains("\"key\":\"a\\\"b\\r\\n\\u0000\"", reply);
        Assert.Contains("\"tenant\":\"tenantB\"", reply);
    }

    [Fact]
    public async Task A_plugins_planned_read_answers_pipelined_and_stays_in_its_tenant()
    {
        using var a = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        using var b = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserB, ProxyFixture.Password);
        var name = ProxyFixture.Key("planned");
        a.Send([.. RawRespClient.Command("SAMPLE.HITS", name), .. RawRespClient.Command("SAMPLE.HIT", name),
            .. RawRespClient.Command("SAMPLE.HITS", name), .. RawRespClient.Command("SAMPLE.HITS", name + "-never"),
            .. RawRespClient.Command("SAMPLE.HITS", name)]);
        foreach (var expected in new[] { ":0\r\n", ":1\r\n", ":1\r\n", ":0\r\n", ":1\r\n" })
            Assert.Equal(expected, await a.ReadReplyAsync());
        Assert.Equal(":0\r\n", await b.CommandAsync("SAMPLE.HITS", name));
        Assert.Equal("-ERR wrong number of arguments for 'sample.hits' command\r\n", await a.CommandAsync("SAMPLE.HITS"));
    }

    [Fact]
    public async Task Arity_comes_from_the_plugins_metadata()
    {
        using var client = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal("-ERR wrong number of arguments for 'sample.hit' command\r\n", await client.CommandAsync("SAMPLE.HIT"));
        Assert.Equal("-ERR wrong number of arguments for 'sample.json' command\r\n", await client.CommandAsync("SAMPLE.JSON", "a", "b"));
    }

    [Fact]
    public async Task Plugin_commands_need_auth()
    {
        using var client = new RawRespClient(Port);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("SAMPLE.HIT", "x"));
    }

    [Fact]
    public async Task Two_tenants_keep_separate_counters_in_the_plugins_table()
    {
        var name = ProxyFixture.Key("hits");
        await using var alice = await Clients.ConnectAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        await using var bob = await Clients.ConnectAsync(Port, ProxyFixture.UserB, ProxyFixture.Password);
        var a = alice.GetDatabase();
        var b = bob.GetDatabase();
        Assert.Equal(1L, (long)await a.ExecuteAsync("SAMPLE.HIT", name));
        Assert.Equal(2L, (long)await a.ExecuteAsync("SAMPLE.HIT", name));
        Assert.Equal(1L, (long)await b.ExecuteAsync("SAMPLE.HIT", name));
        Assert.Equal(3L, (long)await a.ExecuteAsync("SAMPLE.HIT", name));

        await using var connection = await MariaDbServer.Shared.OpenRootConnectionAsync(fixture.Database);
        Assert.Equal(3L, await Scalar(connection, $"SELECT hits FROM sample_hits WHERE tenant = 'tenantA' AND name = '{name}'"));
        Assert.Equal(1L, await Scalar(connection, $"SELECT hits FROM sample_hits WHERE tenant = 'tenantB' AND name = '{name}'"));
    }

    [Fact]
    public async Task Counters_are_tenant_wide_not_per_database()
    {
        var name = ProxyFixture.Key("db");
        using var client = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        Assert.Equal(":1\r\n", await client.CommandAsync("SAMPLE.HIT", name));
        Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", "7"));
        Assert.Equal(":2\r\n", await client.CommandAsync("SAMPLE.HIT", name));
    }

    [Fact]
    public async Task Binary_counter_names_are_kept_apart()
    {
        using var client = await RawRespClient.ConnectAuthenticatedAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        var prefix = System.Text.Encoding.ASCII.GetBytes(ProxyFixture.Key("bin"));
        byte[] first = [.. prefix, 0, 0xff];
        byte[] second = [.. prefix, 0, 0xfe];
        Assert.Equal(":1\r\n", await client.CommandAsync("SAMPLE.HIT"u8.ToArray(), first));
        Assert.Equal(":1\r\n", await client.CommandAsync("SAMPLE.HIT"u8.ToArray(), second));
        Assert.Equal(":2\r\n", await client.CommandAsync("SAMPLE.HIT"u8.ToArray(), first));
    }

    [Fact]
    public async Task Concurrent_hits_lose_no_increment()
    {
        var name = ProxyFixture.Key("race");
        await using var redis = await Clients.ConnectAsync(Port, ProxyFixture.UserA, ProxyFixture.Password);
        var db = redis.GetDatabase();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => db.ExecuteAsync("SAMPLE.HIT", name)));
        Assert.Equal(51L, (long)await db.ExecuteAsync("SAMPLE.HIT", name));
    }

    [Fact]
    public async Task Redis_cli_calls_plugin_commands()
    {
        var output = await RedisCli.RunAsync(Port,
            [.. RedisCli.AuthArgs(ProxyFixture.UserB, ProxyFixture.Password), "SAMPLE.HIT", ProxyFixture.Key("cli")]);
        Assert.Equal("(integer) 1", output.Trim());
    }

    private static async Task<long> Scalar(MySqlConnector.MySqlConnection connection, string sql)
    {
        await using var command = new MySqlConnector.MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
