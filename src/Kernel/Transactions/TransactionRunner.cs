using System.Buffers;
using System.Data;
using System.Diagnostics;
using MySqlConnector;
using RedisOnMySql.Kernel.Blocking;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Transactions;

/// <summary>
/// EXEC (DESIGN.md, "Transactions"): the queued commands of any family run as one MySQL transaction through the
/// executor, so other clients and proxies see all of it or none of it, and it is durable when EXEC answers. WATCH's
/// keys are checked, and locked, inside the same transaction before anything runs.
/// </summary>
public sealed class TransactionRunner(CommandTable table, CommandDispatcher dispatcher, BlockingRegistry blocking)
{
    /// <summary>Reads the versions of keys a client starts to watch, in its db.</summary>
    public async Task WatchAsync(CommandContext ctx)
    {
        var multi = ctx.Session.Multi;
        int db = ctx.Session.Db;
        var keys = Enumerable.Range(1, ctx.Count - 1).Select(ctx.Arg)
            .Where(k => !multi.Watches(db, k)).Distinct(KeyBytesComparer.Instance).ToList();
        var seen = new Dictionary<byte[], KeyVersion>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(keys))
        {
            foreach (var (key, version) in await ctx.Sql.QueryListAsync(WatchStatements.Read(chunk.Length), KeyVersion.Read, [db, .. chunk]))
                seen[key] = version;
        }
        foreach (var key in keys)
        {
            var version = seen.GetValueOrDefault(key);
            multi.Watch(new WatchedKey(db, key, version, version?.ExpiresAt <= ctx.NowMs));
        }
    }

    /// <summary>Runs the queued commands and answers their replies as one array, or null when a watched key changed.</summary>
    public async Task ExecAsync(CommandContext ctx, IReadOnlyList<List<byte[]>> queued, IReadOnlyList<WatchedKey> watched)
    {
        // A transaction that only reads reads one snapshot, so it sees another EXEC's writes all or not at all.
        var isolation = queued.Any(args => table.Find(args[0])!.Has(CommandFlags.Write))
            ? IsolationLevel.ReadCommitted
            : IsolationLevel.RepeatableRead;
        var replies = new ArrayBufferWriter<byte>();
        bool committed = await WithRetriesAsync(ctx, () =>
        {
            replies.ResetWrittenCount();
            return RunOnceAsync(ctx, ctx.Sql, isolation, queued, watched, replies);
        }).ConfigureAwait(false);
        if (!committed)
        {
            ctx.Reply.WriteNullArray();
            return;
        }
        ctx.Reply.WriteArrayHeader(queued.Count);
        ctx.Reply.WriteRaw(replies.WrittenSpan);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (commands run through <see cref="Values.InternalCommands"/>) as one transaction,
    /// like EXEC, or inside the EXEC that is running it. An exception rolls it all back.
    /// </summary>
    public async Task<T> RunAtomicallyAsync<T>(CommandContext ctx, Func<Task<T>> work)
    {
        if (ctx.Sql.InTransaction) return await work().ConfigureAwait(false);
        var session = ctx.Session;
        var outside = ctx.Sql;
        return await WithRetriesAsync(ctx, async () =>
        {
            await using var tx = await outside.BeginQueuedAsync(IsolationLevel.ReadCommitted).ConfigureAwait(false);
            session.UseExecutor(tx.Executor);
            try
            {
                var result = await work().ConfigureAwait(false);
                await tx.CommitAsync().ConfigureAwait(false);
                return result;
            }
            finally
            {
                session.UseExecutor(session.Sql!.WithoutTransaction());
            }
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// A deadlock or lock wait runs the whole attempt again (nothing of a failed attempt is visible or answered), with
    /// string_incr_retry's patience: queued commands read and then write, like a counter. Any other MySQL failure ends
    /// it with the error, having applied nothing.
    /// </summary>
    private static async Task<T> WithRetriesAsync<T>(CommandContext ctx, Func<Task<T>> attempt)
    {
        var session = ctx.Session;
        var outside = ctx.Sql;
        var policy = outside.Retry.Incr;
        var clock = Stopwatch.StartNew();
        for (int n = 1; ; n++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (MySqlException e) when (RetryPolicy.IsRetryable(e, inTransaction: true) && n < policy.MaxAttempts
                                           && (policy.DeadlineMs <= 0 || clock.ElapsedMilliseconds < policy.DeadlineMs))
            {
                session.UseExecutor(outside);
                await Task.Delay(policy.Backoff(n)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt; false when a watched key changed (nothing ran).</summary>
    private async Task<bool> RunOnceAsync(CommandContext ctx, SqlExecutor outside, IsolationLevel isolation,
        IReadOnlyList<List<byte[]>> queued, IReadOnlyList<WatchedKey> watched, IBufferWriter<byte> replies)
    {
        var session = ctx.Session;
        await using var tx = await outside.BeginQueuedAsync(isolation).ConfigureAwait(false);
        if (await AnyChangedAsync(tx.Statements, watched, ctx.NowMs).ConfigureAwait(false)) return false;
        if (isolation == IsolationLevel.ReadCommitted) await LockKeysAsync(tx.Statements, session.Db, queued).ConfigureAwait(false);
        session.UseExecutor(tx.Executor);
        try
        {
            // Blocking commands act as their non-blocking forms, as in Redis.
            var inner = new CommandContext(session, new RespWriter(replies), blocking) { MayBlock = false };
            foreach (var args in queued)
            {
                tx.BeginCommand();
                var failure = await dispatcher.ExecuteQueuedAsync(inner, args).ConfigureAwait(false);
                if (failure is null)
                {
                    tx.EndCommand();
                    continue;
                }
                // MySQL may have rolled everything back: the attempt fails as a whole.
                if (failure is MySqlException mysql) throw mysql;
                if (BackendErrors.IsConnectionLoss(failure)) throw failure;
                await tx.UndoCommandAsync().ConfigureAwait(false);
            }
            await tx.CommitAsync().ConfigureAwait(false);
            return true;
        }
        finally
        {
            // SELECT inside the transaction keeps its db; the executor leaves the transaction.
            session.UseExecutor(session.Sql!.WithoutTransaction());
        }
    }

    /// <summary>
    /// Locks the rows of every key the queued commands name (up to a SELECT), in key order, before any command runs:
    /// transactions that name the same keys in other orders then wait for each other instead of deadlocking.
    /// </summary>
    private async Task LockKeysAsync(SqlTransaction tx, int db, IReadOnlyList<List<byte[]>> queued)
    {
        var keys = new SortedSet<byte[]>(KeyBytesComparer.Instance);
        foreach (var args in queued)
        {
            var entry = table.Find(args[0])!;
            if (entry.Name == "select") break;
            foreach (int i in entry.KeyIndexes(args.Count)) keys.Add(args[i]);
        }
        foreach (var chunk in InListShape.PaddedChunks(keys.ToList()))
            await tx.QueryListAsync(WatchStatements.Lock(chunk.Length), KeyVersion.Read, [db, .. chunk]).ConfigureAwait(false);
    }

    /// <summary>
    /// Locks the watched keys' rows (or, for keys without one, their place) in key order and compares their versions
    /// with what WATCH saw. Locked, they cannot change before the commit.
    /// </summary>
    private static async Task<bool> AnyChangedAsync(SqlTransaction tx, IReadOnlyList<WatchedKey> watched, long nowMs)
    {
        foreach (var inDb in watched.GroupBy(w => w.Db).OrderBy(g => g.Key))
        {
            var keys = inDb.Select(w => w.Key).Order(KeyBytesComparer.Instance).ToList();
            var now = new Dictionary<byte[], KeyVersion>(KeyBytesComparer.Instance);
            foreach (var chunk in InListShape.PaddedChunks(keys))
            {
                foreach (var (key, version) in await tx.QueryListAsync(WatchStatements.Lock(chunk.Length), KeyVersion.Read, [inDb.Key, .. chunk])
                             .ConfigureAwait(false))
                    now[key] = version;
            }
            foreach (var w in inDb.OrderBy(w => w.Key, KeyBytesComparer.Instance))
            {
                var version = now.GetValueOrDefault(w.Key);
                if (w.ChangedSince(version, nowMs)) return true;
                if (version is not null) continue;
                if (await tx.ExecuteAsync(WatchStatements.Reserve, inDb.Key, w.Key).ConfigureAwait(false) == 0) return true;
                await tx.ExecuteAsync(WatchStatements.Release, inDb.Key, w.Key).ConfigureAwait(false);
            }
        }
        return false;
    }
}
