using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Transactions;

/// <summary>
/// The statements of WATCH and of EXEC's locks. Keys are named <c>@w</c>, not <c>@k</c>, so EXEC's locks of the watched
/// keys and of the queued commands' keys do not count as a write's lock (they change no version).
/// </summary>
internal static class WatchStatements
{
    private static readonly ConcurrentDictionary<int, Statement> ReadByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockByShape = new();

    /// <summary>The versions of the rows, live or expired, of <paramref name="shape"/> keys (params: watch_db, w0..).</summary>
    public static Statement Read(int shape) => ReadByShape.GetOrAdd(shape, n => Versions(n).Build($"watch.read_{n}"));

    /// <summary>The same, locked in key order until EXEC commits (params: watch_db, w0..).</summary>
    public static Statement Lock(int shape) => LockByShape.GetOrAdd(shape, n =>
        Versions(n).OrderBy("k").ForUpdate().Build($"watch.lock_{n}"));

    /// <summary>
    /// Holds the place of a watched key that has no row, until EXEC commits: a client creating it meanwhile waits, and
    /// one that created it first makes this insert nothing (params: watch_db, w). Type 0 is no type: the row is deleted
    /// again before anything else runs (<see cref="Release"/>), and its lock stays.
    /// </summary>
    public static readonly Statement Reserve = SqlBuilder.Insert(SqlTable.Keyspace).InsertIgnore().InDatabase("@watch_db")
        .Value("k", "@w").Value("type", "0").Build("watch.reserve");

    public static readonly Statement Release = SqlBuilder.Delete(SqlTable.Keyspace).InDatabase("@watch_db")
        .Where("k", "=", "@w").WhereRaw("type = 0").Build("watch.release");

    private static SqlBuilder Versions(int n) => SqlBuilder.From(SqlTable.Keyspace).InDatabase("@watch_db")
        .Select("k", "id", "ver", "expires_at").WhereIn("k", "@w", n);
}
