using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// Reads of several keys' rows at once, for commands of any family that name many keys: columns k, id, type,
/// expires_at as <see cref="KeyRow.Read"/> expects. Shapes are powers of two (<see cref="InListShape"/>).
/// </summary>
public static class KeyRowStatements
{
    private static readonly ConcurrentDictionary<int, Statement> SelectKeysByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockKeysByShape = new();

    /// <summary>The visible keys among <paramref name="shape"/> keys, without locking (params: k0.., now).</summary>
    public static Statement SelectKeys(int shape) => SelectKeysByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "id", "type", "expires_at")
            .WhereIn("k", "@k", n).WhereLive().Build($"keyspace.select_keys_{n}"));

    /// <summary>
    /// Locks the rows of <paramref name="shape"/> keys, live or expired, in key order, so multi-key writers never
    /// deadlock each other (params: k0..).
    /// </summary>
    public static Statement LockKeys(int shape) => LockKeysByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "id", "type", "expires_at")
            .WhereIn("k", "@k", n).OrderBy("k").ForUpdate().Build($"keyspace.lock_keys_{n}"));
}
