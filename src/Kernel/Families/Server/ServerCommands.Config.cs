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

    private ConfigParameters Parameters => _parameters ??= new ConfigParameters(options);

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

    /// <summary>The parameter a tenant sets for itself, stored in MySQL for every proxy (<see cref="NotificationSettings"/>).</summary>
    private const string NotifyParameter = "notify-keyspace-events";

    /// <summary>Every parameter matching any of the glob patterns (case-insensitive), each once, as a flat name/value array.</summary>
    private async ValueTask ConfigGet(CommandContext ctx)
    {
        var patterns = Enumerable.Range(2, ctx.Count - 2).Select(ctx.ArgString).ToList();
        var matches = Parameters.For(ctx.Session)
            .Where(p => patterns.Any(pattern => GlobPattern.IsMatch(pattern, p.Name)))
            .ToList();
        int notify = matches.FindIndex(p => p.Name == NotifyParameter);
        if (notify >= 0 && ctx.Session.Sql is { } sql)
            matches[notify] = (NotifyParameter, NotifyFlagsText.Format(await events.Notifications.FlagsAsync(sql, sql.Scope.Tenant)));
        ctx.Reply.WriteArrayHeader(matches.Count * 2);
        foreach (var (name, value) in matches)
        {
            ctx.Reply.WriteBulkString(name);
            ctx.Reply.WriteBulkString(value);
        }
    }

    /// <summary>
    /// The configuration is the operator's, shared by all tenants, so it cannot be changed from a connection, except
    /// notify-keyspace-events, which is the tenant's own. Setting a parameter to the value it already has succeeds,
    /// which keeps clients that "ensure" a setting working.
    /// </summary>
    private async ValueTask ConfigSet(CommandContext ctx)
    {
        if (ctx.Count % 2 != 0) throw new RedisException(RedisErrors.WrongArity("config|set"));
        var current = Parameters.For(ctx.Session).ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);
        for (int i = 2; i < ctx.Count; i += 2)
        {
            var name = ctx.ArgString(i);
            if (!current.ContainsKey(name))
                throw RedisException.Err($"Unknown option or number of arguments for CONFIG SET - '{name}'");
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        NotifyFlags? notify = null;
        for (int i = 2; i < ctx.Count; i += 2)
        {
            var name = ctx.ArgString(i);
            if (!seen.Add(name))
                throw RedisException.Err($"CONFIG SET failed (possibly related to argument '{name}') - duplicate parameter");
            if (name.Equals(NotifyParameter, StringComparison.OrdinalIgnoreCase))
            {
                notify = NotifyFlagsText.Parse(ctx.ArgString(i + 1))
                    ?? throw RedisException.Err($"CONFIG SET failed (possibly related to argument '{name}') - {NotifyFlagsText.InvalidMessage}");
                continue;
            }
            if (current[name] != ctx.ArgString(i + 1))
                throw RedisException.Err($"CONFIG SET failed (possibly related to argument '{name}') - not supported by redis-on-mysql");
        }
        if (notify is { } flags) await events.Notifications.SetAsync(ctx.Sql, ctx.Sql.Scope.Tenant, flags);
        ctx.Reply.WriteOk();
    }

    /// <summary>The counters are the whole proxy's, shared by every tenant, so a connection does not reset them.</summary>
    private static ValueTask ConfigResetStat(CommandContext ctx)
    {
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
