using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Plugins;

/// <summary>
/// The sample plugin built once, a database created by the proxy's own `migrate` with that plugin present,
/// users of two tenants, and a proxy serving the plugin.
/// </summary>
public sealed class SamplePluginFixture : IAsyncLifetime
{
    private static readonly TimeSpan MigrateTimeout = TimeSpan.FromSeconds(90);

    public PluginDirectory Plugins { get; } = new();
    public string Database { get; } = "rt_" + Guid.NewGuid().ToString("N")[..8];
    public (int ExitCode, string Output) Migration { get; private set; }
    public ProxyProcess Proxy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Plugins.AddFirstPartyPlugins();
        await Plugins.AddTestPluginAsync("SamplePlugin");
        Migration = await MigrateAsync();
        if (Migration.ExitCode != 0)
            throw new InvalidOperationException($"migrate failed with exit code {Migration.ExitCode}:\n{Migration.Output}");
        MariaDbServer.Shared.CreateUser(ProxyFixture.UserA, ProxyFixture.Password, Database);
        MariaDbServer.Shared.CreateUser(ProxyFixture.UserB, ProxyFixture.Password, Database);
        Proxy = await StartProxyAsync();
    }

    /// <summary>`migrate --user root` for <see cref="Database"/> with this plugins folder.</summary>
    public Task<(int exitCode, string output)> MigrateAsync()
    {
        var server = MariaDbServer.Shared;
        List<string> args = ["migrate", "--user", server.RootUser];
        if (!string.IsNullOrEmpty(server.RootPassword)) args.AddRange(["--password", server.RootPassword]);
        return ProxyProcess.RunToExitAsync(args, new Dictionary<string, string>
        {
            ["REDIS_MYSQL_ADDR"] = server.Address,
            ["REDIS_MYSQL_DATABASE"] = Database,
            ["REDIS_MYSQL_PLUGINS_DIR"] = Plugins.PluginsPath,
        }, MigrateTimeout);
    }

    /// <summary>Another proxy on this database and plugins folder, with extra settings.</summary>
    public Task<ProxyProcess> StartProxyAsync(IDictionary<string, string>? settings = null)
    {
        var env = new Dictionary<string, string> { ["REDIS_MYSQL_PLUGINS_DIR"] = Plugins.PluginsPath };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;
        return ProxyProcess.StartAsync(Database, env);
    }

    public async Task DisposeAsync()
    {
        if (Proxy != null) await Proxy.DisposeAsync();
        MariaDbServer.Shared.DropDatabase(Database);
        Plugins.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SamplePluginCollection : ICollectionFixture<SamplePluginFixture>
{
    public const string Name = "sample plugin";
}
