using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

public sealed partial class ServerCommands
{
    /// <summary>
    /// MONITOR: from now on the connection receives every command that the tenant's clients run on this proxy (not
    /// another tenant's, and not other proxies'), until it disconnects or sends RESET.
    /// </summary>
    [RedisCommand("monitor", 1, CommandFlags.Admin | CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale, Group = "server",
        Summary = "Listens for all requests received by the server in real-time.", Since = "1.0.0")]
    public ValueTask Monitor(CommandContext ctx)
    {
        if (ctx.Session.Tenant is null) throw new RedisException(RedisErrors.NoAuth);
        services.GetRequiredService<MonitorFeed>().Add(ctx.Session);
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
