using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Commands;

/// <summary>
/// Runs one parsed request: table lookup, arity, authentication and key-size checks from the command's metadata,
/// then the handler. Every failure becomes a Redis error reply; nothing escapes to the connection.
/// </summary>
public sealed class CommandDispatcher(CommandTable table, ServerStats stats, SlowLog slowLog, ClientPauses pauses, MonitorFeed monitors, ILogger<CommandDispatcher> logger)
{
    /// <summary>
    /// The request's plan when its command has one and every check passes; null sends it through
    /// <see cref="ExecuteAsync"/>, which also reports any failed check. Counts the command when it returns a plan.
    /// </summary>
    public CommandPlan? TryPlan(CommandContext context, List<byte[]> args)
    {
        var entry = table.Find(args[0]);
        // With replies off or skipped, each command runs alone, so CLIENT REPLY's muting applies to whole commands.
        if (context.Session.Replies != ReplyMode.On) return null;
        // Inside MULTI every command is queued (or refused) by ExecuteAsync.
        if (context.Session.Multi.Active) return null;
        if (entry?.Planner == null || Rejection(context.Session, entry, args) != null) return null;
        if (pauses.Holds(context.Session.Tenant, Writes(entry))) return null;
        // A tenant that asks for lookup events (or whose setting this proxy has not read yet) runs keyed commands one by one.
        if (entry.FirstKey > 0 && (context.Session.Sql?.LastKnownNotifyFlags() is not { } flags || LookupEvents.Raises(entry, flags)))
            return null;
        context.Reset(args, entry);
        var plan = entry.Planner(context);
        if (plan == null) return null;
        plan.ReadKeys = entry.ReadKeyCount(args.Count);
        context.Session.LastInteraction = DateTimeOffset.UtcNow;
        context.Session.LastCommand = entry.Name;
        stats.CommandProcessed();
        return plan;
    }

    public async ValueTask ExecuteAsync(CommandContext context, List<byte[]> args)
    {
        var session = context.Session;
        var entry = table.Find(args[0]);
        session.LastInteraction = DateTimeOffset.UtcNow;
        var multi = session.Multi;
        if (entry == null)
        {
            multi.Abort();
            Error(context, UnknownCommand(args));
            return;
        }
        session.LastCommand = entry.Name;
        if (Rejection(session, entry, args) is { } rejection)
        {
            Reject(context, entry, rejection);
            return;
        }
        if (multi.Active && entry.Has(CommandFlags.NoMulti))
        {
            Reject(context, entry, "ERR Command not allowed inside a transaction");
            return;
        }
        // CLIENT PAUSE holds the command, queued or not, until the pause ends (an EXEC that writes is a write).
        if (pauses.Any)
        {
            bool writes = Writes(entry) || (entry.Name == "exec" && multi.Queued.Any(q => table.Find(q[0]) is { } e && Writes(e)));
            await pauses.WaitAsync(session.Tenant, writes, session.Disconnected).ConfigureAwait(false);
        }
        if (multi.Active && !entry.Has(CommandFlags.NotQueued))
        {
            multi.Queue(args);
            context.Reply.WriteSimpleString("QUEUED");
            return;
        }
        context.Reset(args, entry);
        await RunHandlerAsync(context, entry, args).ConfigureAwait(false);
    }

    private static bool Writes(CommandEntry entry) => entry.Has(CommandFlags.Write) || entry.Has(CommandFlags.MayReplicate);

    /// <summary>
    /// Runs a command that MULTI queued, inside EXEC's transaction, and returns the exception it ended with (already
    /// answered as an error reply), or null when it succeeded.
    /// </summary>
    internal ValueTask<Exception?> ExecuteQueuedAsync(CommandContext context, List<byte[]> args)
    {
        var entry = table.Find(args[0])!;
        context.Reset(args, entry);
        return RunHandlerAsync(context, entry, args);
    }

    /// <summary>
    /// Runs a command inside the kernel on behalf of another (DUMP and RESTORE read and write values through the
    /// families' own commands): not counted, not logged as slow, and answered as an unknown command when its family
    /// is disabled. Returns the exception it ended with (already answered), or null.
    /// </summary>
    internal async ValueTask<Exception?> ExecuteInternalAsync(CommandContext context, List<byte[]> args)
    {
        if (table.Find(args[0]) is not { } entry)
        {
            context.Reply.WriteError(UnknownCommand(args));
            return new RedisException(UnknownCommand(args));
        }
        context.Reset(args, entry);
        return await RunCaughtAsync(context, entry, args).ConfigureAwait(false);
    }

    /// <summary>
    /// A refused command answers the error and, inside MULTI, makes EXEC fail with EXECABORT; a refused EXEC itself
    /// discards the transaction (if any) and says why with EXECABORT, as Redis's rejectCommand does.
    /// </summary>
    private void Reject(CommandContext context, CommandEntry entry, string error)
    {
        var multi = context.Session.Multi;
        if (entry.Name == "exec")
        {
            multi.Discard();
            Error(context, "EXECABORT Transaction discarded because of: " + (error.StartsWith("ERR ", StringComparison.Ordinal) ? error[4..] : error));
            return;
        }
        multi.Abort();
        Error(context, error);
    }

    private async ValueTask<Exception?> RunHandlerAsync(CommandContext context, CommandEntry entry, List<byte[]> args)
    {
        long started = Stopwatch.GetTimestamp();
        long absences = context.Reply.Absences;
        var failure = await RunCaughtAsync(context, entry, args).ConfigureAwait(false);
        // Counted once run, as Redis's call() counts: refused and queued commands are not, EXEC and each of its are,
        // and CONFIG RESETSTAT counts itself after the reset.
        stats.CommandProcessed();
        if (entry.ReadKeyCount(args.Count) is > 0 and var keys) stats.KeysLookedUp(keys, context.Reply.Absences - absences);
        // A blocking command's wait is not its work, and EXEC's commands are logged one by one, as in Redis. AUTH and
        // HELLO carry passwords (Redis redacts them); the other no-auth commands, QUIT and RESET, are never slow.
        if (!entry.Has(CommandFlags.SkipSlowlog | CommandFlags.Blocking | CommandFlags.NoAuth))
        {
            long micros = Elapsed(started);
            if (slowLog.IsSlow(micros)) slowLog.Record(context.Session, args, micros);
        }
        // Administrative commands are too sensitive to show, as in Redis.
        if (monitors.Any && !entry.Has(CommandFlags.Admin)) monitors.Publish(context.Session, args);
        return failure;
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;

    private async ValueTask<Exception?> RunCaughtAsync(CommandContext context, CommandEntry entry, List<byte[]> args)
    {
        var session = context.Session;
        try
        {
            var lookup = entry.FirstKey > 0 && session.Sql is { } sql
                ? await LookupEvents.BeforeAsync(sql, entry, args, context.NowMs).ConfigureAwait(false)
                : null;
            await entry.Handler(context).ConfigureAwait(false);
            if (lookup is not null) await lookup.AfterAsync(session.Sql!).ConfigureAwait(false);
            return null;
        }
        catch (RedisException e)
        {
            Error(context, e.Message);
            return e;
        }
        catch (MySqlException e)
        {
            ForgetIdleConnectionsIfUnreachable(e);
            logger.LogWarning(e, "MySQL failed during {Command}", entry.Name);
            Error(context, BackendErrors.Describe(e));
            return e;
        }
        catch (Exception e) when (BackendErrors.IsConnectionLoss(e))
        {
            ForgetIdleConnectionsIfUnreachable(e);
            logger.LogWarning("MySQL connection lost during {Command}: {Message}", entry.Name, e.Message);
            Error(context, BackendErrors.Unavailable(e));
            return e;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Command {Command} failed", entry.Name);
            Error(context, "ERR internal error: " + e.Message);
            return e;
        }
    }

    /// <summary>Why the metadata refuses the request (arity, NOAUTH, key size), or null.</summary>
    private static string? Rejection(ClientSession session, CommandEntry entry, List<byte[]> args)
    {
        if (!entry.ArityMatches(args.Count)) return RedisErrors.WrongArity(entry.Name);
        if (!session.IsAuthenticated && !entry.Has(CommandFlags.NoAuth)) return RedisErrors.NoAuth;
        if (session.IsSubscribed && !entry.Has(CommandFlags.SubscribedContext | CommandFlags.Container))
            return RedisErrors.NotInSubscribedContext(entry.Name);
        foreach (var index in entry.KeyIndexes(args.Count))
        {
            if (args[index].Length > KeyspaceLimits.MaxKeyBytes) return KeyspaceLimits.KeyTooLong;
        }
        return null;
    }

    /// <summary>Answers a run of plans, merged where they can be; on a MySQL failure, every plan not yet answered gets the error.</summary>
    /// <remarks><paramref name="requests"/> from <paramref name="first"/> on are the plans' requests, for the slow log.</remarks>
    public async ValueTask ExecuteBatchAsync(CommandContext context, IReadOnlyList<CommandPlan> plans, IReadOnlyList<List<byte[]>> requests, int first)
    {
        long started = Stopwatch.GetTimestamp();
        await RunBatchAsync(context, plans).ConfigureAwait(false);
        if (monitors.Any)
        {
            for (int i = first; i < first + plans.Count; i++) monitors.Publish(context.Session, requests[i]);
        }
        // Each command of a batch waited for the whole batch: that is its time.
        long micros = Elapsed(started);
        if (!slowLog.IsSlow(micros)) return;
        for (int i = first; i < first + plans.Count; i++) slowLog.Record(context.Session, requests[i], micros);
    }

    private async ValueTask RunBatchAsync(CommandContext context, IReadOnlyList<CommandPlan> plans)
    {
        int answered = 0;
        try
        {
            await context.Sql.RunPlansAsync(plans, (plan, row) =>
            {
                long absences = context.Reply.Absences;
                plan.Reply(context.Reply, row);
                if (plan.ReadKeys > 0) stats.KeysLookedUp(plan.ReadKeys, context.Reply.Absences - absences);
                answered++;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MySqlException || BackendErrors.IsConnectionLoss(e))
        {
            ForgetIdleConnectionsIfUnreachable(e);
            logger.LogWarning("MySQL failed during a batch of {Count} planned commands: {Message}", plans.Count, e.Message);
            var message = e is MySqlException mysql ? BackendErrors.Describe(mysql) : BackendErrors.Unavailable(e);
            for (; answered < plans.Count; answered++) Error(context, message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A family's bug answers the plans not yet answered, as a handler's does, and keeps the connection.
            logger.LogError(e, "A batch of {Count} planned commands failed", plans.Count);
            for (; answered < plans.Count; answered++) Error(context, "ERR internal error: " + e.Message);
        }
    }

    /// <summary>
    /// A server that went away (a Galera node killed, a failover) leaves the pools full of connections to it, and each
    /// would fail one more command: the idle ones are closed, so the next commands open new connections, which
    /// mysql_addr's list sends to the next server that answers.
    /// </summary>
    private static void ForgetIdleConnectionsIfUnreachable(Exception e)
    {
        if (e is MySqlException mysql ? BackendErrors.IsUnreachable(mysql) : BackendErrors.IsConnectionLoss(e))
            MySqlConnection.ClearAllPools();
    }

    private void Error(CommandContext context, string message)
    {
        stats.ErrorReplied();
        context.Reply.WriteError(message);
    }

    /// <summary>
    /// Redis 7.0's text: the name and up to 128 bytes of quoted arguments, each cut at its first NUL as C's %s does.
    /// </summary>
    public static string UnknownCommand(IReadOnlyList<byte[]> args)
    {
        var name = Printable(args[0], 128);
        var rest = new StringBuilder();
        int restBytes = 0;
        for (int i = 1; i < args.Count && restBytes < 128; i++)
        {
            var arg = Printable(args[i], 128 - restBytes);
            restBytes += Encoding.UTF8.GetByteCount(arg) + 3;
            rest.Append('\'').Append(arg).Append("' ");
        }
        return $"ERR unknown command '{name}', with args beginning with: {rest}";
    }

    private static string Printable(byte[] bytes, int maxBytes)
    {
        int length = Array.IndexOf(bytes, (byte)0);
        if (length < 0) length = bytes.Length;
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(length, Math.Max(0, maxBytes)));
        return text.Replace('\r', ' ').Replace('\n', ' ');
    }
}
