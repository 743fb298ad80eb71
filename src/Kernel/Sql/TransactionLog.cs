using System.Runtime.ExceptionServices;
using MySqlConnector;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.Sql;

/// <summary>
/// What one MySQL transaction has done so far, shared by its views in several dbs (SELECT inside MULTI): the events it
/// appended, the event inserts not yet sent, the keys it locked whose versions it must change when it writes their
/// children, and, inside EXEC, the savepoint of the queued command running now.
/// </summary>
internal sealed class TransactionLog
{
    private static readonly Statement Savepoint = new("exec.savepoint", "SAVEPOINT queued_command", [], false, false);
    private static readonly Statement RollbackToSavepoint =
        new("exec.rollback_to_savepoint", "ROLLBACK TO SAVEPOINT queued_command", [], false, false);

    /// <summary>Locking reads not yet turned into version changes; kept as they came, sorted out only if a child write follows.</summary>
    private List<(KeyLock Lock, object?[] Values, int ScopeDb)>? _locks;
    private Dictionary<int, HashSet<byte[]>>? _touchedKeys;
    private readonly bool _savepoints;
    private bool _inCommand;
    private bool _savepointTaken;
    private int _appendedMark;
    private int _pendingMark;
    private ExceptionDispatchInfo? _failure;

    /// <param name="savepoints">true for EXEC: each queued command's writes are undone alone when it fails</param>
    public TransactionLog(bool savepoints = false) => _savepoints = savepoints;

    /// <summary>The events appended, for the executor to deliver locally after the commit.</summary>
    public List<FeedEvent> Appended { get; } = new();

    /// <summary>
    /// While above zero, keyspace notifications are not recorded: a generic command that writes through the families'
    /// commands (RESTORE, SORT ... STORE) raises Redis's events of its own instead of theirs.
    /// </summary>
    public int NotificationsMuted { get; set; }

    /// <summary>Event inserts that ride with the next batch of writes.</summary>
    public List<(Statement Statement, object?[] Values)> Pending { get; } = new();

    /// <summary>
    /// After a MySQL error the server may have rolled the whole transaction back (a deadlock does), and a statement
    /// sent after it would run outside any transaction: every later statement fails with the same error instead.
    /// </summary>
    public void ThrowIfFailed() => _failure?.Throw();

    public void Fail(MySqlException e) => _failure ??= ExceptionDispatchInfo.Capture(e);

    /// <summary>Remembers the keys a keyspace read FOR UPDATE locked (in <paramref name="scope"/>'s db unless it names one).</summary>
    public void Locked(Statement statement, object?[] values, SqlScope scope)
    {
        if (statement.LocksKeys is not { } locks) return;
        (_locks ??= new()).Add((locks, values, scope.Db));
    }

    /// <summary>
    /// Inside EXEC, what must run before the queued command's first write, in the same round trip: the event inserts of
    /// earlier commands, then the command's savepoint. Null when nothing must.
    /// </summary>
    public List<(Statement Statement, object?[] Values)>? Prelude()
    {
        if (!_savepoints || !_inCommand || _savepointTaken) return null;
        List<(Statement, object?[])> prelude = [.. Pending.Take(_pendingMark), (Savepoint, [])];
        Pending.RemoveRange(0, _pendingMark);
        _pendingMark = 0;
        _savepointTaken = true;
        return prelude;
    }

    /// <summary>
    /// The version changes of every key locked and not yet changed, once the transaction has written child rows: they
    /// ride with the next writes, or go just before the commit. A write that found no row to change (SREM of a missing
    /// member) changes no version, as in Redis.
    /// </summary>
    public void ChildRowsWritten() => Pending.AddRange(TakeTouches());

    /// <summary>The version changes of the keys locked and not yet changed, which count as changed from now on.</summary>
    public List<(Statement Statement, object?[] Values)> TakeTouches()
    {
        var touches = new List<(Statement, object?[])>();
        if (_locks is null || _locks.Count == 0) return touches;
        _touchedKeys ??= new();
        var due = new Dictionary<int, List<byte[]>>();
        foreach (var (locks, values, scopeDb) in _locks)
        {
            int db = locks.DbIndex is { } i ? Convert.ToInt32(values[i]) : scopeDb;
            if (!_touchedKeys.TryGetValue(db, out var touched)) _touchedKeys[db] = touched = new HashSet<byte[]>(KeyBytesComparer.Instance);
            foreach (int k in locks.KeyIndexes)
            {
                var key = (byte[])values[k]!;
                if (!touched.Add(key)) continue;
                if (!due.TryGetValue(db, out var keys)) due[db] = keys = new List<byte[]>();
                keys.Add(key);
            }
        }
        _locks.Clear();
        foreach (var (db, keys) in due)
        {
            foreach (var chunk in InListShape.PaddedChunks(keys))
                touches.Add((KeyspaceStatements.Touch(chunk.Length), [db, .. chunk]));
        }
        return touches;
    }

    /// <summary>Inside EXEC: a queued command starts; its writes get a savepoint before the first of them.</summary>
    public void BeginCommand()
    {
        _inCommand = true;
        _savepointTaken = false;
        _appendedMark = Appended.Count;
        _pendingMark = Pending.Count;
    }

    /// <summary>Inside EXEC: the queued command ended well.</summary>
    public void EndCommand() => _inCommand = false;

    /// <summary>
    /// Inside EXEC: the queued command answered an error, so what it wrote is undone (back to its savepoint) and the
    /// events it appended are forgotten; the other commands' writes stay, as in Redis.
    /// </summary>
    public async Task UndoCommandAsync(SqlTransaction tx)
    {
        _inCommand = false;
        Appended.RemoveRange(_appendedMark, Appended.Count - _appendedMark);
        if (!_savepointTaken)
        {
            Pending.RemoveRange(_pendingMark, Pending.Count - _pendingMark);
            return;
        }
        Pending.Clear();
        // The versions it changed are undone too: a later command that writes the same keys changes them again.
        _touchedKeys?.Clear();
        await tx.ExecuteAllAsync([(RollbackToSavepoint, [])]).ConfigureAwait(false);
    }
}
