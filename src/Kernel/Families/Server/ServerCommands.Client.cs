using System.Text;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Families.Connection;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

public sealed partial class ServerCommands
{
    private static readonly string[] ClientHelp =
    [
        "GETNAME",
        "    Return the name of the current connection.",
        "ID",
        "    Return the ID of the current connection.",
        "INFO",
        "    Return information about the current client connection.",
        "KILL <ip:port>",
        "    Kill connection made from <ip:port>.",
        "KILL <option> <value> [<option> <value> [...]]",
        "    Kill connections. Options are:",
        "    * ADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made from the specified address",
        "    * LADDR (<ip:port>|<unixsocket>:0)",
        "      Kill connections made to specified local address",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Kill connections by type.",
        "    * USER <username>",
        "      Kill connections authenticated by <username>.",
        "    * SKIPME (YES|NO)",
        "      Skip killing current connection (default: yes).",
        "    * ID <client-id>",
        "      Kill connections by client id.",
        "LIST [options ...]",
        "    Return information about client connections. Options:",
        "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
        "      Return clients of specified type.",
        "    * ID <client-id> [<client-id> ...]",
        "      Return clients of specified IDs only.",
        "NO-EVICT (ON|OFF)",
        "    Protect current client connection from eviction.",
        "NO-TOUCH (ON|OFF)",
        "    Will not touch LRU/LFU stats when this mode is on.",
        "PAUSE <timeout> [WRITE|ALL]",
        "    Suspend all, or just write, clients for <timeout> milliseconds.",
        "REPLY (ON|OFF|SKIP)",
        "    Control the replies sent to the current connection.",
        "SETINFO <option> <value>",
        "    Set client meta attr. Options are:",
        "    * LIB-NAME: the client lib name.",
        "    * LIB-VER: the client lib version.",
        "SETNAME <name>",
        "    Assign the name <name> to the current connection.",
        "UNBLOCK <clientid> [TIMEOUT|ERROR]",
        "    Unblock the specified blocked client.",
        "UNPAUSE",
        "    Stop the current client pause, resuming traffic.",
    ];

    private Subcommands? _client;

    private Subcommands ClientSubcommands => _client ??= new Subcommands("client")
        .Add("id", 2, ClientId)
        .Add("getname", 2, ClientGetName)
        .Add("setname", 3, ClientSetName)
        .Add("list", -2, ClientList)
        .Add("info", 2, ClientInfo)
        .Add("kill", -3, ClientKill)
        .Add("setinfo", 4, ClientSetInfo)
        .Add("unblock", -3, ClientUnblock)
        .Add("reply", 3, ClientReply)
        .Add("pause", -3, ClientPause)
        .Add("unpause", 2, ctx =>
        {
            Pauses.End(TenantOf(ctx));
            ctx.Reply.WriteOk();
            return ValueTask.CompletedTask;
        })
        .Add("no-evict", 3, ClientOnOff)
        .Add("no-touch", 3, ClientOnOff)
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "CLIENT", ClientHelp));

    /// <summary>CLIENT REPLY ON answers OK; OFF and SKIP answer nothing, and mute what follows (SKIP: one command).</summary>
    private static ValueTask ClientReply(CommandContext ctx)
    {
        var session = ctx.Session;
        if (ctx.ArgIs(2, "ON")) session.Replies = ReplyMode.On;
        else if (ctx.ArgIs(2, "OFF")) session.Replies = ReplyMode.Off;
        else if (ctx.ArgIs(2, "SKIP")) session.Replies = ReplyMode.SkipNext;
        else throw new RedisException(RedisErrors.Syntax);
        ctx.Reply.Muted = session.Replies != ReplyMode.On;
        if (!ctx.Reply.Muted) ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    [RedisCommand("client", -2, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Container, Group = "connection",
        Summary = "A container for client connection commands.", Since = "2.4.0")]
    public ValueTask Client(CommandContext ctx) => ClientSubcommands.RunAsync(ctx);

    /// <summary>
    /// Releases a client blocked in a blocking command on this proxy: it answers as on timeout, or with the UNBLOCKED
    /// error. Redis checks the reason before the id.
    /// </summary>
    private ValueTask ClientUnblock(CommandContext ctx)
    {
        if (ctx.Count > 4) throw RedisException.Err("unknown subcommand or wrong number of arguments for 'unblock'. Try CLIENT HELP.");
        var mode = UnblockMode.Timeout;
        if (ctx.Count == 4)
        {
            if (ctx.ArgIs(3, "ERROR")) mode = UnblockMode.Error;
            else if (!ctx.ArgIs(3, "TIMEOUT")) throw RedisException.Err("CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
        }
        long id = ctx.ArgInt64(2);
        bool released = clients.Find(id)?.Blocked?.Unblock(mode) == true;
        ctx.Reply.WriteInteger(released ? 1 : 0);
        return ValueTask.CompletedTask;
    }

    private static ValueTask ClientId(CommandContext ctx)
    {
        ctx.Reply.WriteInteger(ctx.Session.Id);
        return ValueTask.CompletedTask;
    }

    private static ValueTask ClientGetName(CommandContext ctx)
    {
        if (ctx.Session.Name == null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(ctx.Session.Name);
        return ValueTask.CompletedTask;
    }

    private static ValueTask ClientSetName(CommandContext ctx)
    {
        var name = ClientName.Validate(ctx.ArgString(2));
        ctx.Session.Name = name.Length == 0 ? null : name;
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    private static ValueTask ClientSetInfo(CommandContext ctx)
    {
        var attribute = ctx.ArgString(2);
        bool isName = attribute.Equals("lib-name", StringComparison.OrdinalIgnoreCase);
        if (!isName && !attribute.Equals("lib-ver", StringComparison.OrdinalIgnoreCase))
            throw RedisException.Err($"Unrecognized option '{attribute}'");
        var value = ctx.ArgString(3);
        if (value.Any(c => c < '!' || c > '~'))
            throw RedisException.Err($"{attribute} cannot contain spaces, newlines or special characters.");
        var stored = value.Length == 0 ? null : value;
        if (isName) ctx.Session.LibName = stored;
        else ctx.Session.LibVersion = stored;
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    /// <summary>NO-EVICT and NO-TOUCH: the proxy neither evicts clients nor tracks LRU, so both are accepted as is.</summary>
    private static ValueTask ClientOnOff(CommandContext ctx)
    {
        if (!ctx.ArgIs(2, "ON") && !ctx.ArgIs(2, "OFF")) throw new RedisException(RedisErrors.Syntax);
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    private ValueTask ClientInfo(CommandContext ctx)
    {
        ctx.Reply.WriteBulkString(ClientLine.Format(ctx.Session, DateTimeOffset.UtcNow) + "\n");
        return ValueTask.CompletedTask;
    }

    private ValueTask ClientList(CommandContext ctx)
    {
        var visible = TenantSessions(ctx.Session).ToList();
        if (ctx.Count == 4 && ctx.ArgIs(2, "TYPE"))
        {
            // Replication and Pub/Sub clients do not exist at this level, so only "normal" lists anything.
            if (ClientKillFilter.ParseType(ctx.ArgString(3)) != "normal") visible = [];
        }
        else if (ctx.Count > 3 && ctx.ArgIs(2, "ID"))
        {
            var ids = new List<long>();
            for (int i = 3; i < ctx.Count; i++)
            {
                if (!RedisNumbers.TryParseInt64(ctx.Arg(i), out long id)) throw RedisException.Err("Invalid client ID");
                ids.Add(id);
            }
            var byId = visible.ToDictionary(s => s.Id);
            visible = ids.Select(id => byId.GetValueOrDefault(id)).OfType<ClientSession>().ToList();
        }
        else if (ctx.Count != 2)
        {
            throw new RedisException(RedisErrors.Syntax);
        }

        var now = DateTimeOffset.UtcNow;
        var text = new StringBuilder();
        foreach (var session in visible) text.Append(ClientLine.Format(session, now)).Append('\n');
        ctx.Reply.WriteBulkString(text.ToString());
        return ValueTask.CompletedTask;
    }

    private ValueTask ClientKill(CommandContext ctx)
    {
        if (ctx.Count == 3)
        {
            var addr = ctx.ArgString(2);
            var target = TenantSessions(ctx.Session).FirstOrDefault(s => ClientLine.Address(s.RemoteEndPoint) == addr);
            if (target == null) throw RedisException.Err("No such client");
            Kill(target, ctx.Session);
            ctx.Reply.WriteOk();
            return ValueTask.CompletedTask;
        }
        if (ctx.Count % 2 != 0) throw new RedisException(RedisErrors.Syntax);

        var filter = ClientKillFilter.Parse(ctx);
        int killed = 0;
        foreach (var session in TenantSessions(ctx.Session).Where(s => filter.Matches(s, ctx.Session)).ToList())
        {
            Kill(session, ctx.Session);
            killed++;
        }
        ctx.Reply.WriteInteger(killed);
        return ValueTask.CompletedTask;
    }

    /// <summary>A client killing itself still gets its reply, as in Redis; any other connection closes at once.</summary>
    private static void Kill(ClientSession target, ClientSession caller)
    {
        if (target == caller) caller.CloseRequested = true;
        else target.Kill();
    }

    /// <summary>Connections of the caller's tenant: other tenants' connections are invisible and untouchable.</summary>
    private IEnumerable<ClientSession> TenantSessions(ClientSession caller) =>
        clients.All.Where(s => s.Tenant != null && s.Tenant == caller.Tenant);

    private ClientPauses Pauses => services.GetRequiredService<ClientPauses>();

    /// <summary>
    /// CLIENT PAUSE timeout [WRITE|ALL], for the caller's tenant on this proxy: one tenant cannot stop another's
    /// clients, and other proxies go on serving (a pause is for moving clients, and each proxy is its own entry point).
    /// </summary>
    private ValueTask ClientPause(CommandContext ctx)
    {
        if (ctx.Count > 4)
            throw RedisException.Err($"unknown subcommand or wrong number of arguments for '{ctx.ArgString(1)}'. Try CLIENT HELP.");
        bool writesOnly = false;
        if (ctx.Count == 4)
        {
            if (ctx.ArgIs(3, "WRITE")) writesOnly = true;
            else if (!ctx.ArgIs(3, "ALL")) throw RedisException.Err("CLIENT PAUSE mode must be WRITE or ALL");
        }
        if (!RedisNumbers.TryParseInt64(ctx.Arg(2), out long ms)) throw RedisException.Err("timeout is not an integer or out of range");
        if (ms < 0) throw RedisException.Err("timeout is negative");
        Pauses.Start(TenantOf(ctx), ctx.NowMs + ms, writesOnly);
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
