using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Console;
using MySqlConnector;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Background;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Migrations;
using RedisOnMySql.Kernel.Plugins;
using RedisOnMySql.Kernel.Proxies;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel;

/// <summary>Wires the proxy: plugins, DI, the command table, background services and Kestrel's RESP listener.</summary>
public static class ProxyHost
{
    public static void ConsoleFormat(SimpleConsoleFormatterOptions o)
    {
        o.SingleLine = true;
        o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
        o.UseUtcTimestamp = true;
    }

    public static async Task RunAsync(ProxyOptions options, ILogger logger)
    {
        var plugins = PluginCatalog.Load(PluginCatalog.ResolveDirectory(options.Plugins.Directory), logger);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(ConsoleFormat);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        AddServices(builder.Services, options, plugins);

        var endpoint = ParseBind(options.BindAddr);
        builder.WebHost.UseSockets(s =>
        {
            s.Backlog = options.Server.Backlog;
            s.NoDelay = options.Server.TcpNodelay;
            s.UnsafePreferInlineScheduling = options.Server.InlineIo;
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(endpoint, l => l.UseConnectionHandler<RespConnectionHandler>());
        });

        var app = builder.Build();
        CommandTable table;
        try
        {
            table = app.Services.GetRequiredService<CommandTable>();
        }
        catch (CommandTableException e)
        {
            throw new StartupException(e.Message, e);
        }
        foreach (var line in options.Describe()) logger.LogInformation("config: {Line}", line);
        logger.LogInformation("Enabled families: {Families}; {Count} commands", string.Join(", ", table.EnabledFamilies), table.Count);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new StartupException($"cannot listen on {options.BindAddr}: {e.Message}", e);
        }
        logger.LogInformation("Ready to accept connections on {Endpoint}", endpoint);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
    }

    private static void AddServices(IServiceCollection services, ProxyOptions options, IReadOnlyList<LoadedPlugin> plugins)
    {
        services.AddSingleton(options);
        services.AddSingleton(plugins);
        var assemblies = plugins.Select(p => p.Assembly).Prepend(typeof(ProxyHost).Assembly).ToArray();
        services.Scan(scan => scan.FromAssemblies(assemblies)
            .AddClasses(c => c.AssignableTo<ICommandFamily>(), publicOnly: false)
            .As<ICommandFamily>()
            .WithSingletonLifetime());
        services.AddSingleton(sp => CommandTable.Build(sp.GetServices<ICommandFamily>(),
            options.Families, options.Commands.Disabled));
        services.AddSingleton<ChildTableRegistry>();
        services.AddSingleton<CommandDispatcher>();
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<ServerStats>();
        services.AddSingleton<SlowLog>();
        services.AddSingleton<ClientPauses>();
        services.AddSingleton<MonitorFeed>();
        services.AddSingleton<RuntimeConfig>();
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<BackendPools>();
        services.AddSingleton(new TenantResolver(TenantPattern.CompileTenantRegex(options.Auth.TenantRegex), TenantNoMatchPolicy.Parse(options.Auth.TenantNoMatch)));
        services.AddSingleton(RetryPoliciesFrom(options));
        services.AddSingleton<Authenticator>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<BlockingRegistry>();
        services.AddSingleton<ProxyRegistry>();
        services.AddSingleton<Transactions.TransactionRunner>();
        services.AddSingleton<Values.InternalCommands>();
        services.AddHostedService<EventCleanupService>();
        services.AddHostedService<PubsubCleanupService>();
        services.AddHostedService<ProxyHeartbeatService>();
        services.AddSingleton<ExpiredKeySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiredKeySweeper>());
        services.AddHostedService<PoolEvictionService>();
        services.AddHostedService<OrphanCollector>();
        services.AddHostedService<FamilyWorkService>();
    }

    private static RetryPolicies RetryPoliciesFrom(ProxyOptions o) => new(
        new RetryPolicy(o.StringSetRetry.MaxAttempts, o.StringSetRetry.BackoffBaseMs, o.StringSetRetry.BackoffMaxMs, o.StringSetRetry.DeadlineMs),
        new RetryPolicy(o.StringIncrRetry.MaxAttempts, o.StringIncrRetry.BackoffBaseMs, o.StringIncrRetry.BackoffMaxMs, o.StringIncrRetry.DeadlineMs));

    private static IPEndPoint ParseBind(string bind)
    {
        var (host, port) = HostPort.Parse(bind);
        if (host is "localhost" or "") return new IPEndPoint(IPAddress.Loopback, port);
        if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, port);
        var resolved = Dns.GetHostAddresses(host);
        if (resolved.Length == 0) throw new StartupException($"bind address '{bind}' does not resolve");
        return new IPEndPoint(resolved[0], port);
    }

    /// <summary>`migrate --user U [--password P]`; the password may also come from REDIS_MYSQL_MIGRATE_PASSWORD.</summary>
    public static async Task<int> MigrateAsync(ProxyOptions options, string[] args, ILogger logger)
    {
        string? user = Environment.GetEnvironmentVariable("REDIS_MYSQL_MIGRATE_USER");
        string password = Environment.GetEnvironmentVariable("REDIS_MYSQL_MIGRATE_PASSWORD") ?? "";
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--user" when i + 1 < args.Length: user = args[++i]; break;
                case "--password" when i + 1 < args.Length: password = args[++i]; break;
                default:
                    logger.LogCritical("Unknown migrate argument '{Arg}'", args[i]);
                    return 2;
            }
        }
        if (string.IsNullOrEmpty(user))
        {
            logger.LogCritical("migrate needs --user (or REDIS_MYSQL_MIGRATE_USER): the proxy has no MySQL credentials of its own");
            return 2;
        }
        var server = new MySqlConnectionStringBuilder(options.MysqlOptions ?? "")
        {
            UserID = user, Password = password, Pooling = false,
            ConnectionTimeout = (uint)Math.Max(1, options.Pool.ConnectTimeoutMs / 1000),
        };
        MysqlServers.Parse(options.MysqlAddr).ApplyTo(server);
        var plugins = PluginCatalog.Load(PluginCatalog.ResolveDirectory(options.Plugins.Directory), logger);
        try
        {
            await new MigrationRunner(server.ConnectionString, options.MysqlDatabase, logger)
                .ApplyAsync(MigrationRunner.Discover(plugins)).ConfigureAwait(false);
            return 0;
        }
        catch (MySqlException e)
        {
            logger.LogCritical("Migration failed: {Message}", e.Message);
            return 1;
        }
    }
}
