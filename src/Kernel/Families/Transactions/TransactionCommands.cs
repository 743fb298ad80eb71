using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Transactions;

namespace RedisOnMySql.Kernel.Families.Transactions;

/// <summary>
/// MULTI, EXEC, DISCARD, WATCH and UNWATCH with Redis 7.0's replies. While a client is in MULTI the dispatcher queues
/// its commands (or refuses them, which dooms the EXEC); EXEC runs them in one MySQL transaction
/// (<see cref="TransactionRunner"/>).
/// </summary>
public sealed class TransactionCommands(IServiceProvider services) : ICommandFamily
{
    private TransactionRunner? _runner;

    public string Name => "transactions";

    // The runner needs the dispatcher, which needs the command table built from the families: looked up on first use.
    private TransactionRunner Runner => _runner ??= services.GetRequiredService<TransactionRunner>();

    [RedisCommand("multi", 1, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast | CommandFlags.AllowBusy
        | CommandFlags.NotQueued, Group = "transactions", Summary = "Starts a transaction.", Since = "1.2.0")]
    public ValueTask Multi(CommandContext ctx)
    {
        var multi = ctx.Session.Multi;
        if (multi.Active) throw RedisException.Err("MULTI calls can not be nested");
        multi.Begin();
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    [RedisCommand("exec", 1, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.SkipSlowlog
        | CommandFlags.NotQueued, Group = "transactions", Summary = "Executes all commands in a transaction.", Since = "1.2.0")]
    public async ValueTask Exec(CommandContext ctx)
    {
        var multi = ctx.Session.Multi;
        if (!multi.Active) throw RedisException.Err("EXEC without MULTI");
        var queued = multi.Queued.ToList();
        var watched = multi.Watched.ToList();
        bool aborted = multi.Aborted;
        multi.Discard();
        if (aborted)
        {
            ctx.Reply.WriteError("EXECABORT Transaction discarded because of previous errors.");
            return;
        }
        await Runner.ExecAsync(ctx, queued, watched);
    }

    [RedisCommand("discard", 1, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast | CommandFlags.AllowBusy
        | CommandFlags.NotQueued, Group = "transactions", Summary = "Discards a transaction.", Since = "2.0.0")]
    public ValueTask Discard(CommandContext ctx)
    {
        var multi = ctx.Session.Multi;
        if (!multi.Active) throw RedisException.Err("DISCARD without MULTI");
        multi.Discard();
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }

    [RedisCommand("watch", -2, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast | CommandFlags.AllowBusy
        | CommandFlags.NotQueued, 1, -1, 1, Group = "transactions",
        Summary = "Monitors changes to keys to determine the execution of a transaction.", Since = "2.2.0")]
    public async ValueTask Watch(CommandContext ctx)
    {
        if (ctx.Session.Multi.Active) throw RedisException.Err("WATCH inside MULTI is not allowed");
        await Runner.WatchAsync(ctx);
        ctx.Reply.WriteOk();
    }

    [RedisCommand("unwatch", 1, CommandFlags.NoScript | CommandFlags.Loading | CommandFlags.Stale | CommandFlags.Fast | CommandFlags.AllowBusy,
        Group = "transactions", Summary = "Forgets about all watched keys.", Since = "2.2.0")]
    public ValueTask Unwatch(CommandContext ctx)
    {
        ctx.Session.Multi.Unwatch();
        ctx.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
