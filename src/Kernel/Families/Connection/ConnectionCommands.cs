using System.Text;
using RedisOnMySql.Kernel.Auth;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Connection;

/// <summary>PING, ECHO, AUTH, QUIT, RESET, SELECT, HELLO: the session-level commands.</summary>
public sealed class ConnectionCommands(Authenticator authenticator, ProxyOptions options, MonitorFeed monitors, IServiceProvider services)
    : ICommandFamily
{
    // The table is built from the families, this one included, so it can only be looked up after construction.
    private bool ClusterMode => services.GetRequiredService<CommandTable>().ClusterMode;

    public const string ServerVersion = "7.0.0";

    public string Name => "connection";

    [RedisCommand("ping", -1, CommandFlags.Fast | CommandFlags.SubscribedContext, Group = "connection", Summary = "Returns the server's liveliness response.")]
    public ValueTask Ping(CommandContext ctx)
    {
        if (ctx.Count > 2) throw new RedisException(RedisErrors.WrongArity("ping"));
        if (ctx.Session.IsSubscribed)
        {
            // In the subscribed context Redis answers with a push-shaped array: "pong" and the message (empty without one).
            ctx.Reply.WriteArrayHeader(2);
            ctx.Reply.WriteBulkString("pong");
            ctx.Reply.WriteBulkString(ctx.Count == 2 ? ctx.Arg(1) : []);
        }
        else if (ctx.Count == 2) ctx.Reply.WriteBulkString(ctx.Arg(1));
        else ctx.Reply.WriteSimpleString("PONG");
        return ValueTask.CompletedTask;
    }

    [RedisCommand("echo", 2, CommandFlags.Fast, Group = "connection", Summary = "Returns the given string.")]
    public ValueTask Echo(CommandContext ctx)
    {
        ctx.Reply.WriteBulkString(ctx.Arg(1));
        return ValueTask.CompletedTask;
    }

    [RedisCommand("auth", -2, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale,
        Group = "connection", Summary = "Authenticates the connection.")]
    public async ValueTask Auth(CommandContext ctx)
    {
        if (ctx.Count > 3) throw new RedisException(RedisErrors.Syntax);
        var (user, password) = ctx.Count == 3 ? (ctx.ArgString(1), ctx.ArgString(2)) : SplitSingle(ctx.ArgString(1));
        await authenticator.SignInAsync(ctx.Session, user, password).ConfigureAwait(false);
        ctx.Reply.WriteOk();
    }

    /// <summary>AUTH user:password splits at the last ':' (user names may contain ':'); a bare password is for the default user.</summary>
    private (string User, string Password) SplitSingle(string arg)
    {
        int colon = arg.LastIndexOf(':');
        if (colon >= 0) return (arg[..colon], arg[(colon + 1)..]);
        if (string.IsNullOrEmpty(options.Auth.DefaultUser))
            throw RedisException.Err("AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
        return (options.Auth.DefaultUser, arg);
    }

    [RedisCommand("quit", -1, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.SubscribedContext | CommandFlags.NotQueued,
        Group = "connection", Summary = "Closes the connection.")]
    public ValueTask Quit(CommandContext ctx)
    {
        ctx.Session.CloseRequested = true;
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    [RedisCommand("reset", 1, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.SubscribedContext | CommandFlags.NotQueued,
        Group = "connection", Summary = "Resets the connection.")]
    public async ValueTask Reset(CommandContext ctx)
    {
        var session = ctx.Session;
        session.Multi.Discard();
        monitors.Remove(session);
        await session.ResetStatesAsync().ConfigureAwait(false);
        session.Select(0);
        session.Name = null;
        session.SignOut();
        if (!string.IsNullOrEmpty(options.Auth.DefaultUser))
        {
            try { await authenticator.SignInAsync(session, options.Auth.DefaultUser, options.Auth.DefaultPassword ?? "").ConfigureAwait(false); }
            catch (RedisException) { /* stays unauthenticated, as a new connection would */ }
        }
        ctx.Reply.WriteSimpleString("RESET");
    }

    [RedisCommand("select", 2, CommandFlags.Fast | CommandFlags.Loading | CommandFlags.Stale, Group = "connection",
        Summary = "Changes the selected database.")]
    public ValueTask Select(CommandContext ctx)
    {
        long db = ctx.ArgInt64(1);
        if (db < 0 || db >= options.Databases) throw new RedisException(RedisErrors.DbIndexOutOfRange);
        ctx.Session.Select((int)db);
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    [RedisCommand("hello", -1, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale,
        Group = "connection", Summary = "Handshakes with the server.")]
    public async ValueTask Hello(CommandContext ctx)
    {
        int next = 1;
        if (ctx.Count >= 2)
        {
            if (!RedisNumbers.TryParseInt64(ctx.Arg(1), out long version))
                throw RedisException.Err("Protocol version is not an integer or out of range");
            if (version != 2)
                throw new RedisException("NOPROTO sorry, this protocol version is not supported.");
            next = 2;
        }
        string? name = null;
        for (; next < ctx.Count; next++)
        {
            if (ctx.ArgIs(next, "AUTH") && ctx.Count - next - 1 >= 2)
            {
                await authenticator.SignInAsync(ctx.Session, ctx.ArgString(next + 1), ctx.ArgString(next + 2)).ConfigureAwait(false);
                next += 2;
            }
            else if (ctx.ArgIs(next, "SETNAME") && ctx.Count - next - 1 >= 1)
            {
                name = ClientName.Validate(ctx.ArgString(next + 1));
                next += 1;
            }
            else
            {
                throw RedisException.Err($"Syntax error in HELLO option '{ctx.ArgString(next)}'");
            }
        }
        if (!ctx.Session.IsAuthenticated)
            throw new RedisException("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
        if (name != null) ctx.Session.Name = name.Length == 0 ? null : name;

        var reply = ctx.Reply;
        reply.WriteArrayHeader(14);
        reply.WriteBulkString("server"); reply.WriteBulkString("redis");
        reply.WriteBulkString("version"); reply.WriteBulkString(ServerVersion);
        reply.WriteBulkString("proto"); reply.WriteInteger(2);
        reply.WriteBulkString("id"); reply.WriteInteger(ctx.Session.Id);
        reply.WriteBulkString("mode"); reply.WriteBulkString(ClusterMode ? "cluster" : "standalone");
        reply.WriteBulkString("role"); reply.WriteBulkString("master");
        reply.WriteBulkString("modules"); reply.WriteArrayHeader(0);
    }
}
