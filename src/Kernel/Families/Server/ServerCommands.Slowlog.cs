using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

public sealed partial class ServerCommands
{
    private static readonly string[] SlowlogHelp =
    [
        "GET [<count>]",
        "    Return top <count> entries from the slowlog (default: 10, -1 mean all).",
        "    Entries are made of:",
        "    id, timestamp, time in microseconds, arguments array, client IP and port,",
        "    client name",
        "LEN",
        "    Return the length of the slowlog.",
        "RESET",
        "    Reset the slowlog.",
    ];

    private Subcommands? _slowlog;

    private SlowLog SlowLog => services.GetRequiredService<SlowLog>();

    private Subcommands SlowlogSubcommands => _slowlog ??= new Subcommands("slowlog")
        .Add("get", -2, SlowlogGet)
        .Add("len", 2, ctx =>
        {
            ctx.Reply.WriteInteger(SlowLog.Length(TenantOf(ctx)));
            return ValueTask.CompletedTask;
        })
        .Add("reset", 2, ctx =>
        {
            SlowLog.Reset(TenantOf(ctx));
            ctx.Reply.WriteOk();
            return ValueTask.CompletedTask;
        })
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "SLOWLOG", SlowlogHelp));

    /// <summary>The caller's tenant's slow log: a tenant sees and resets only its own clients' commands.</summary>
    [RedisCommand("slowlog", -2, CommandFlags.Admin | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Container,
        Group = "server", Summary = "A container for slow log commands.", Since = "2.2.12")]
    public ValueTask Slowlog(CommandContext ctx) => SlowlogSubcommands.RunAsync(ctx);

    private ValueTask SlowlogGet(CommandContext ctx)
    {
        if (ctx.Count > 3)
            throw RedisException.Err($"unknown subcommand or wrong number of arguments for '{ctx.ArgString(1)}'. Try SLOWLOG HELP.");
        long count = 10;
        if (ctx.Count == 3 && (!RedisNumbers.TryParseInt64(ctx.Arg(2), out count) || count < -1))
            throw RedisException.Err("count should be greater than or equal to -1");
        var entries = SlowLog.Newest(TenantOf(ctx), count);
        ctx.Reply.WriteArrayHeader(entries.Count);
        foreach (var e in entries)
        {
            ctx.Reply.WriteArrayHeader(6);
            ctx.Reply.WriteInteger(e.Id);
            ctx.Reply.WriteInteger(e.Time);
            ctx.Reply.WriteInteger(e.Micros);
            ctx.Reply.WriteArrayHeader(e.Arguments.Count);
            foreach (var arg in e.Arguments) ctx.Reply.WriteBulkString(arg);
            ctx.Reply.WriteBulkString(e.Peer);
            ctx.Reply.WriteBulkString(e.ClientName);
        }
        return ValueTask.CompletedTask;
    }

    private static string TenantOf(CommandContext ctx) => ctx.Session.Tenant ?? throw new RedisException(RedisErrors.NoAuth);
}
