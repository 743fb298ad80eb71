using System.Text;
using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

public sealed partial class ServerCommands
{
    private static readonly string[] ConfigHelp =
    [
        "GET <pattern>",
        "    Return parameters matching the glob-like <pattern> and their values.",
        "SET <directive> <value>",
        "    Set the configuration <directive> to <value>.",
        "RESETSTAT",
        "    Reset statistics reported by the INFO command.",
        "REWRITE",
        "    Rewrite the configuration file.",
    ];

    private Subcommands? _config;
    private ConfigParameters? _parameters;

    // The store is a singleton shared with RuntimeConfig's readers; it is looked up on first use like the command table.
    private ConfigParameters Parameters => _parameters ??= new ConfigParameters(services.GetRequiredService<ConfigStore>(), options);

    private Subcommands ConfigSubcommands => _config ??= new Subcommands("config")
        .Add("get", -3, ConfigGet)
        .Add("set", -4, ConfigSet)
        .Add("resetstat", 2, ConfigResetStat)
        // Redis's answer when it was started without a config file: the proxy's configuration is the operator's.
        .Add("rewrite", 2, _ => throw RedisException.Err("The server is running without a config file"))
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "CONFIG", ConfigHelp));

    [RedisCommand("config", -2, CommandFlags.Admin | CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Container,
        Group = "server", Summary = "A container for server configuration commands.", Since = "2.0.0")]
    public ValueTask Config(CommandContext ctx) => ConfigSubcommands.RunAsync(ctx);

    /// <summary>
    /// Every parameter matching the arguments (names or glob patterns), each once, as a flat name/value array in
    /// argument and table order (Redis's order is its hash table's, which clients do not rely on).
    /// </summary>
    private async ValueTask ConfigGet(CommandContext ctx)
    {
        var matches = Parameters.Matching(Enumerable.Range(2, ctx.Count - 2).Select(ctx.Arg));
        var values = Parameters.ValuesFor(ctx.Session);
        var notify = matches.Select(m => m.Parameter).FirstOrDefault(p => p.Source == ConfigValueSource.TenantSetting);
        if (notify != null && ctx.Session.Sql is { } sql) values[notify] = await events.Notifications.FlagsAsync(sql, sql.Scope.Tenant);
        ctx.Reply.WriteArrayHeader(matches.Count * 2);
        foreach (var (name, parameter) in matches)
        {
            ctx.Reply.WriteBulkString(name);
            // Latin-1 gives back the bytes a value was set with, whatever they are.
            ctx.Reply.WriteBulkString(Encoding.Latin1.GetBytes(parameter.Type.Format(values[parameter])));
        }
    }

    /// <summary>
    /// Sets any of Redis 7.0's parameters, checked and answered as Redis does, all or none. The values are this
    /// proxy's (shared by its clients, kept in memory until it restarts); notify-keyspace-events is the caller's
    /// tenant's, stored in MySQL for every proxy (<see cref="NotificationSettings"/>).
    /// </summary>
    private async ValueTask ConfigSet(CommandContext ctx)
    {
        // Arity only asks for at least one pair; a name without its value is a syntax error in Redis 7.0.
        if (ctx.Count % 2 != 0) throw new RedisException(RedisErrors.Syntax);
        var pairs = new List<(string Name, string Value)>();
        for (int i = 2; i < ctx.Count; i += 2) pairs.Add((ctx.ArgString(i), Encoding.Latin1.GetString(ctx.Arg(i + 1))));
        var sql = ctx.Sql;
        await Parameters.SetAsync(pairs, ctx.Session, flags => events.Notifications.SetAsync(sql, sql.Scope.Tenant, flags));
        ctx.Reply.WriteOk();
    }

    /// <summary>
    /// Resets this proxy's INFO counters, as Redis resets its server's. They are the whole proxy's, like everything INFO
    /// reports about the process, so every tenant's view of them starts again from zero.
    /// </summary>
    private ValueTask ConfigResetStat(CommandContext ctx)
    {
        stats.Reset();
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
