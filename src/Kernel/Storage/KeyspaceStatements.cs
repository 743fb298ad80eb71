using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>The keyspace statements every family may use. All are scoped to the session's tenant and db.</summary>
public static class KeyspaceStatements
{
    private static readonly string[] RowColumns = ["id", "type", "expires_at", "v"];
    private static readonly ConcurrentDictionary<int, Statement> UpsertStringsByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> InsertStringsByCount = new();
    private static readonly ConcurrentDictionary<int, Statement> TouchByShape = new();

    /// <summary>A visible key (params: k, now).</summary>
    public static readonly Statement SelectLive = SqlBuilder.From(SqlTable.Keyspace).Select(RowColumns)
        .Where("k", "=", "@k").WhereLive().Build("keyspace.select_live");

    /// <summary>A visible key's id and type (params: k, now).</summary>
    public static readonly Statement SelectIdAndType = SqlBuilder.From(SqlTable.Keyspace).Select("id", "type")
        .Where("k", "=", "@k").WhereLive().Build("keyspace.select_id_and_type");

    /// <summary>Locks the key's row, live or expired, at the start of a transaction (params: k).</summary>
    public static readonly Statement SelectForUpdate = SqlBuilder.From(SqlTable.Keyspace).Select(RowColumns)
        .Where("k", "=", "@k").ForUpdate().Build("keyspace.select_for_update");

    /// <summary>Removes the key's row whatever its state; child rows are left to the collector (params: k).</summary>
    public static readonly Statement DeleteKey = SqlBuilder.Delete(SqlTable.Keyspace)
        .Where("k", "=", "@k").Build("keyspace.delete_key");

    /// <summary>Writes a string value, replacing whatever the key held (params: k, v, expires_at).</summary>
    public static readonly Statement UpsertString = SqlBuilder.Insert(SqlTable.Keyspace)
        .Value("k", "@k").Value("type", "1").Value("v", "@v").Value("expires_at", "@expires_at")
        .OnDuplicateKeyUpdate("type = 1", "v = @v", "expires_at = @expires_at")
        .Build("keyspace.upsert_string");

    /// <summary>
    /// Upserts <paramref name="shape"/> string keys in one statement (params per row: k{i}, v{i}, expires_at{i}); rows
    /// of one key must not repeat with different values, since MySQL applies them in order.
    /// </summary>
    public static Statement UpsertStrings(int shape) => UpsertStringsByShape.GetOrAdd(shape, n => SqlBuilder.Insert(SqlTable.Keyspace)
        .Rows(n).Value("k", "@k[]").Value("type", "1").Value("v", "@v[]").Value("expires_at", "@expires_at[]")
        .OnDuplicateKeyUpdate("type = 1", "v = VALUES(v)", "expires_at = VALUES(expires_at)")
        .Build($"keyspace.upsert_strings_{n}"));

    /// <summary>
    /// Creates exactly <paramref name="count"/> string keys that had no row (params per row: k{i}, v{i}, expires_at{i});
    /// a key another client created meanwhile fails the statement with a duplicate key, which re-runs a transaction.
    /// </summary>
    public static Statement InsertStrings(int count) => InsertStringsByCount.GetOrAdd(count, n => SqlBuilder.Insert(SqlTable.Keyspace)
        .Rows(n).Value("k", "@k[]").Value("type", "1").Value("v", "@v[]").Value("expires_at", "@expires_at[]")
        .Build($"keyspace.insert_strings_{n}"));

    /// <summary>Sets or clears the expiry of a live key (params: expires_at, k, now).</summary>
    public static readonly Statement SetExpiry = SqlBuilder.Update(SqlTable.Keyspace)
        .Set("expires_at", "@expires_at").Where("k", "=", "@k").WhereLive().Build("keyspace.set_expiry");

    /// <summary>Creates an empty collection key (params: k, type); the generated id is the children's key_id.</summary>
    public static readonly Statement InsertCollection = SqlBuilder.Insert(SqlTable.Keyspace)
        .Value("k", "@k").Value("type", "@type").Build("keyspace.insert_collection");

    /// <summary>Creates a string key where none exists (params: k, v, expires_at); a racing creation fails on the duplicate key.</summary>
    public static readonly Statement InsertString = SqlBuilder.Insert(SqlTable.Keyspace)
        .Value("k", "@k").Value("type", "1").Value("v", "@v").Value("expires_at", "@expires_at")
        .Build("keyspace.insert_string");

    /// <summary>
    /// Changes the versions of <paramref name="shape"/> keys of one db whose children a transaction wrote (params:
    /// key_db, k0..), so a client that WATCHes one of them sees the change.
    /// </summary>
    public static Statement Touch(int shape) => TouchByShape.GetOrAdd(shape, n => SqlBuilder.Update(SqlTable.Keyspace)
        .InDatabase("@key_db").Set("ver", "ver + 1").WhereIn("k", "@k", n).Build($"keyspace.touch_{n}"));
}
