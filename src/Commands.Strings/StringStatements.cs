using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Strings;

/// <summary>Statements of the strings family beyond the kernel's shared keyspace ones.</summary>
internal static class StringStatements
{
    private static readonly ConcurrentDictionary<int, Statement> SelectManyByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockManyByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockValuesByShape = new();

    /// <summary>Type and value of a visible key (params: k, now).</summary>
    public static readonly Statement SelectValue = SqlBuilder.From(SqlTable.Keyspace).Select("type", "v")
        .Where("k", "=", "@k").WhereLive().Build("strings.select_value");

    /// <summary>Type and value length of a visible key, without reading the value (params: k, now).</summary>
    public static readonly Statement SelectLength = SqlBuilder.From(SqlTable.Keyspace).Select("type", "LENGTH(v)")
        .Where("k", "=", "@k").WhereLive().Build("strings.select_length");

    /// <summary>Appends to a string row locked by the caller, keeping its expiry (params: v, k).</summary>
    public static readonly Statement AppendValue = SqlBuilder.Update(SqlTable.Keyspace)
        .Set("v", "CONCAT(v, @v)").Where("k", "=", "@k").Build("strings.append_value");

    /// <summary>Key, type and value of the visible keys among <paramref name="shape"/> keys (params: k0.., now).</summary>
    public static Statement SelectMany(int shape) => SelectManyByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "type", "v")
            .WhereIn("k", "@k", n).WhereLive().Build($"strings.select_many_{n}"));

    /// <summary>
    /// Locks the rows of <paramref name="shape"/> keys, live or expired, in key order (params: k0..).
    /// Columns id, type, expires_at, v as <c>KeyspaceRow.Read</c> expects, then k.
    /// </summary>
    public static Statement LockMany(int shape) => LockManyByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("id", "type", "expires_at", "v", "k")
            .WhereIn("k", "@k", n).OrderBy("k").ForUpdate().Build($"strings.lock_many_{n}"));

    /// <summary>
    /// Locks the rows of <paramref name="shape"/> keys, live or expired (params: k0..); columns k, type, expires_at, v
    /// as a <c>KeyedUpdate</c> expects (key first).
    /// </summary>
    public static Statement LockValues(int shape) => LockValuesByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "type", "expires_at", "v")
            .WhereIn("k", "@k", n).OrderBy("k").ForUpdate().Build($"strings.lock_values_{n}"));
}
