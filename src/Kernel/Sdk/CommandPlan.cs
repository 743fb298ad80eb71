using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// A simple command reduced to one statement and a way to answer from its first row (null when there is none, and
/// always for a write). Consecutive planned commands of a pipeline run together on one connection, and plans with
/// a <see cref="Merge"/> are also coalesced with those of other clients of the same pool, tenant and db: one
/// statement answers them all. <see cref="Reply"/> must not throw: it answers errors such as WRONGTYPE itself.
/// </summary>
/// <remarks>
/// <see cref="Statement"/> is what a plan without a merge runs, and what a <see cref="KeyedRead"/> plan runs when it
/// is alone; the other merges build their statements from all the batch's plans.
/// </remarks>
public sealed record CommandPlan(Statement Statement, object?[] Values, Action<RespWriter, object?[]?> Reply)
{
    /// <summary>How this plan merges with others into one statement; set together with <see cref="Key"/>.</summary>
    public PlanMerge? Merge { get; init; }
    public byte[]? Key { get; init; }

    /// <summary>
    /// The keyspace notification a <see cref="KeyedWrite"/> or <see cref="KeyedUpdate"/> plan raises for each key it
    /// writes (a <see cref="SharedTransaction"/>'s work raises its own); the executor publishes it in the write's
    /// transaction when the tenant's notify-keyspace-events asks for it.
    /// </summary>
    public PlanNotification? Notify { get; init; }

    /// <summary>The keys a read-only command's reply answers for, set by the dispatcher for keyspace_hits and misses.</summary>
    internal int ReadKeys { get; set; }
}

/// <summary>A keyspace event of class <paramref name="Type"/> named <paramref name="Event"/> (see <see cref="Sql.ISqlRunner.NotifyAsync"/>).</summary>
public sealed record PlanNotification(Notifications.NotifyFlags Type, string Event);

/// <summary>A way for many plans to share statements: <see cref="KeyedRead"/>, <see cref="KeyedWrite"/> or <see cref="KeyedUpdate"/>.</summary>
public abstract class PlanMerge
{
    private protected PlanMerge() { }
}

/// <summary>
/// A point read by key: <see cref="ForKeys"/> gives, for an IN-list of n keys, a statement with parameters
/// k0..k(n-1) then now (the latest of the plans' last values), whose rows start with the key column; each plan is
/// answered from its key's row.
/// </summary>
/// <remarks>
/// A row the statement cannot hold whole (a big string kept in chunks) is marked by <see cref="IsPartial"/> and
/// replaced by what <see cref="Complete"/> reads (null: the key is gone) before any plan of the batch is answered.
/// </remarks>
public sealed class KeyedRead(Func<int, Statement> forKeys) : PlanMerge
{
    public Statement ForKeys(int count) => forKeys(count);

    public Func<object?[], bool>? IsPartial { get; init; }
    public Func<ISqlRunner, object?[], Task<object?[]?>>? Complete { get; init; }

    /// <summary>The rows with every partial one completed; rows shared by several plans are completed once.</summary>
    internal ValueTask<object?[]?[]> CompleteAsync(ISqlRunner sql, object?[]?[] rows)
    {
        // The usual batch has no partial row: answered without an async state machine.
        if (IsPartial is not null && Complete is not null)
        {
            foreach (var row in rows)
            {
                if (row is not null && IsPartial(row)) return new(CompletePartialAsync(sql, rows));
            }
        }
        return new(rows);
    }

    private async Task<object?[]?[]> CompletePartialAsync(ISqlRunner sql, object?[]?[] rows)
    {
        Dictionary<object?[], object?[]?>? completed = null;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] is not { } row || !IsPartial!(row)) continue;
            completed ??= new(ReferenceEqualityComparer.Instance);
            if (!completed.TryGetValue(row, out var whole)) completed[row] = whole = await Complete!(sql, row).ConfigureAwait(false);
            rows[i] = whole;
        }
        return rows;
    }
}

/// <summary>
/// A blind write of rows keyed by their first value: a plan's values are one or more rows of <see cref="RowWidth"/>
/// values, and <see cref="ForRows"/> gives, for n rows, one statement taking them one row after the other. The
/// batch's rows form one statement, so a plan of several rows (MSET) stays atomic; the last row of a key wins, as it
/// would have run last; rows go in key order so concurrent batches lock in the same order. More than
/// <see cref="MaxRowsPerStatement"/> rows take several statements in one transaction.
/// </summary>
public sealed class KeyedWrite(Func<int, Statement> forRows, int rowWidth) : PlanMerge
{
    /// <summary>Bounds one statement's placeholders and packet size.</summary>
    public const int MaxRowsPerStatement = 1024;

    public Statement ForRows(int count) => forRows(count);
    public int RowWidth { get; } = rowWidth;
}

/// <summary>
/// A read-modify-write of one row per key, for many plans in one transaction: <see cref="LockRows"/> locks the rows
/// of all their keys (parameters k0..k(n-1); rows start with the key, absent keys have none), then
/// <see cref="Apply"/> runs for each plan in order on its key's current row, so two plans of one key see each other's
/// result. Keys that had a row are written with <see cref="UpdateRows"/> (padded like a <see cref="KeyedWrite"/>),
/// new keys with <see cref="InsertRows"/> for exactly n rows, which fails on a key another client created meanwhile
/// and so re-runs the whole transaction. Replies are sent only after the commit.
/// </summary>
public sealed class KeyedUpdate(Func<int, Statement> lockRows, Func<int, Statement> updateRows, Func<int, Statement> insertRows,
    KeyUpdate apply, Func<RetryPolicies, RetryPolicy> retry) : PlanMerge
{
    /// <summary>Rows per <see cref="InsertRows"/> statement: exact shapes up to this many are prepared.</summary>
    public const int MaxInsertRows = 8;

    public Statement LockRows(int count) => lockRows(count);
    public Statement UpdateRows(int count) => updateRows(count);
    public Statement InsertRows(int count) => insertRows(count);
    public KeyUpdate Apply { get; } = apply;
    public RetryPolicy Retry(RetryPolicies policies) => retry(policies);
}

/// <summary>
/// One plan's step of a <see cref="KeyedUpdate"/>: from the key's current row (null when it has none) and the time,
/// the row that follows (same columns; null leaves it as it was), the values to write for the key (null writes
/// nothing) and the row given to the plan's Reply. Must not throw: an error is a reply.
/// </summary>
public delegate KeyUpdateResult KeyUpdate(CommandPlan plan, object?[]? row, long nowMs);

/// <param name="Created">The write makes a key that was missing or expired (Redis raises <c>new</c> for it).</param>
public readonly record struct KeyUpdateResult(object?[]? Row, object?[]? Write, object?[] Reply, bool Created = false);

/// <summary>
/// Plans whose work is a short transaction (lock, read, write), run as one batch in one transaction with one commit.
/// <see cref="Work"/> gets the transaction and the batch's plans, and returns the row for each plan's Reply, in plan
/// order. It answers a command's own error (e.g. WRONGTYPE, found before that command writes anything) with
/// <see cref="PlanReplies.Error"/>, and should lock keys in key order so concurrent batches do not deadlock; a
/// MySQL error re-runs or fails the whole batch.
/// </summary>
public sealed class SharedTransaction(Func<ISqlRunner, IReadOnlyList<CommandPlan>, Task<object?[]?[]>> work,
    Func<RetryPolicies, RetryPolicy> retry) : PlanMerge
{
    public Func<ISqlRunner, IReadOnlyList<CommandPlan>, Task<object?[]?[]>> Work { get; } = work;
    public RetryPolicy Retry(RetryPolicies policies) => retry(policies);

    /// <summary>
    /// The indexes of a batch's plans grouped by key, in arrival order within a key and keys in byte order: the order a
    /// <see cref="Work"/> locks them in, so concurrent batches do not deadlock.
    /// </summary>
    public static IEnumerable<IGrouping<byte[], int>> ByKey(IReadOnlyList<CommandPlan> plans) =>
        Enumerable.Range(0, plans.Count).GroupBy(i => plans[i].Key!, KeyBytesComparer.Instance)
            .OrderBy(g => g.Key, KeyBytesComparer.Instance);
}

/// <summary>Replies from the rows of <see cref="KeyedUpdate"/> and <see cref="SharedTransaction"/> plans: a value, or an error text.</summary>
public static class PlanReplies
{
    public static object?[] Error(string message) => [new PlanError(message)];

    public static void IntegerOrError(RespWriter reply, object?[]? row)
    {
        if (row![0] is PlanError error) reply.WriteError(error.Message);
        else reply.WriteInteger(Convert.ToInt64(row[0]));
    }

    /// <summary>Writes the row's error and returns true when it is an <see cref="Error"/> row; else writes nothing.</summary>
    public static bool TryWriteError(RespWriter reply, object?[]? row)
    {
        if (row?[0] is not PlanError error) return false;
        reply.WriteError(error.Message);
        return true;
    }

    public static void OkOrError(RespWriter reply, object?[]? row)
    {
        if (row?[0] is PlanError error) reply.WriteError(error.Message);
        else reply.WriteOk();
    }

    private sealed record PlanError(string Message);
}

/// <summary>
/// Marks <c>CommandPlan? Name(CommandContext ctx)</c> as the plan of the named command of the same family; returning
/// null (e.g. for options the plan does not cover) sends that request through the ordinary handler.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CommandPlanAttribute(string command) : Attribute
{
    public string Command { get; } = command;
}
