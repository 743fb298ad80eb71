using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// Every statement the keyspace family sends. All are scoped to the session's tenant and db by the builder, except
/// those naming another db (@key_db, for MOVE and COPY ... DB) and FLUSHALL (tenant-wide).
/// </summary>
internal static class KeyspaceFamilyStatements
{
    private static readonly ConcurrentDictionary<int, Statement> DeleteLiveByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SelectLiveStatesByShape = new();

    /// <summary>
    /// NX / XX / GT / LT as 0/1 flags against the stored expiry (params: nx, xx, gt, when, lt); a persistent key
    /// counts as an infinite TTL, so it fails GT and passes LT.
    /// </summary>
    private const string ExpireConditions =
        "(@nx = 0 OR expires_at IS NULL) AND (@xx = 0 OR expires_at IS NOT NULL) " +
        "AND (@gt = 0 OR expires_at < @when) AND (@lt = 0 OR expires_at IS NULL OR expires_at > @when)";

    /// <summary>DEL / UNLINK of up to <paramref name="shape"/> keys; the count is of live keys (params: k0.., now).</summary>
    public static Statement DeleteLive(int shape) => DeleteLiveByShape.GetOrAdd(shape, n =>
        SqlBuilder.Delete(SqlTable.Keyspace).WhereIn("k", "@k", n).WhereLive().Build($"keyspace.delete_live_{n}"));

    /// <summary>
    /// Key, type and expiry (NULL when persistent) of the live keys among <paramref name="shape"/> keys, for EXISTS,
    /// TYPE and the TTL family (params: k0.., now).
    /// </summary>
    public static Statement SelectLiveStates(int shape) => SelectLiveStatesByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "type", "expires_at").WhereIn("k", "@k", n).WhereLive()
            .Build($"keyspace.select_live_states_{n}"));

    /// <summary>EXPIRE to a future time if the options allow (params: when, k, now, nx, xx, gt, lt).</summary>
    public static readonly Statement ExpireLater = SqlBuilder.Update(SqlTable.Keyspace).Set("expires_at", "@when")
        .Where("k", "=", "@k").WhereLive().WhereRaw(ExpireConditions).Build("keyspace.expire_later");

    /// <summary>EXPIRE to a time already past deletes the key if the options allow (params: k, now, nx, xx, gt, when, lt).</summary>
    public static readonly Statement ExpireNow = SqlBuilder.Delete(SqlTable.Keyspace)
        .Where("k", "=", "@k").WhereLive().WhereRaw(ExpireConditions).Build("keyspace.expire_now");

    /// <summary>PERSIST: found only when the key is live and has an expiry (params: k, now).</summary>
    public static readonly Statement Persist = SqlBuilder.Update(SqlTable.Keyspace).Set("expires_at", "NULL")
        .Where("k", "=", "@k").Where("expires_at", ">", "@now").Build("keyspace.persist");

    /// <summary>KEYS with no literal prefix (params: now).</summary>
    public static readonly Statement SelectAllKeys = SqlBuilder.From(SqlTable.Keyspace).Select("k")
        .WhereLive().Build("keyspace.select_all_keys");

    /// <summary>KEYS whose prefix ends in 0xFF bytes only, so it has no upper bound (params: lo, now).</summary>
    public static readonly Statement SelectKeysFrom = SqlBuilder.From(SqlTable.Keyspace).Select("k")
        .Where("k", ">=", "@lo").WhereLive().Build("keyspace.select_keys_from");

    /// <summary>KEYS with a literal prefix: an index range on the binary key (params: lo, hi, now).</summary>
    public static readonly Statement SelectKeysBetween = SqlBuilder.From(SqlTable.Keyspace).Select("k")
        .Where("k", ">=", "@lo").Where("k", "<", "@hi").WhereLive().Build("keyspace.select_keys_between");

    /// <summary>One SCAN page: live keys after the cursor id, in id order (params: cursor, now, count).</summary>
    public static readonly Statement ScanPage = SqlBuilder.From(SqlTable.Keyspace).Select("id", "k")
        .Where("id", ">", "@cursor").WhereLive().OrderBy("id").Limit("@count").Build("keyspace.scan_page");

    /// <summary>One SCAN ... TYPE page (params: cursor, now, type, count).</summary>
    public static readonly Statement ScanPageOfType = SqlBuilder.From(SqlTable.Keyspace).Select("id", "k")
        .Where("id", ">", "@cursor").WhereLive().Where("type", "=", "@type").OrderBy("id").Limit("@count")
        .Build("keyspace.scan_page_of_type");

    /// <summary>RANDOMKEY's bounds, read from the (tenant, db, id) index alone; may include expired rows.</summary>
    public static readonly Statement SelectIdBounds = SqlBuilder.From(SqlTable.Keyspace).Select("MIN(id)", "MAX(id)")
        .Build("keyspace.select_id_bounds");

    /// <summary>RANDOMKEY: the first live key at or after an id (params: from, now).</summary>
    public static readonly Statement SelectFirstLiveFrom = SqlBuilder.From(SqlTable.Keyspace).Select("k")
        .Where("id", ">=", "@from").WhereLive().OrderBy("id").Limit("1").Build("keyspace.select_first_live_from");

    /// <summary>Locks a key's row in a given db, live or expired, without its value (params: key_db, k).</summary>
    public static readonly Statement LockKey = SqlBuilder.From(SqlTable.Keyspace).Select("id", "type", "expires_at")
        .InDatabase("@key_db").Where("k", "=", "@k").ForUpdate().Build("keyspace.lock_key");

    /// <summary>Removes a key's row in a given db whatever its state (params: key_db, k).</summary>
    public static readonly Statement DeleteKeyIn = SqlBuilder.Delete(SqlTable.Keyspace)
        .InDatabase("@key_db").Where("k", "=", "@k").Build("keyspace.delete_key_in");

    /// <summary>RENAME: the row keeps its id, type and expiry, so a collection's children follow (params: dst, src).</summary>
    public static readonly Statement RenameKey = SqlBuilder.Update(SqlTable.Keyspace).Set("k", "@dst")
        .Where("k", "=", "@src").Build("keyspace.rename_key");

    /// <summary>MOVE: the row changes db and keeps its id (params: key_db, k).</summary>
    public static readonly Statement MoveKey = SqlBuilder.Update(SqlTable.Keyspace).Set("db", "@key_db")
        .Where("k", "=", "@k").Build("keyspace.move_key");

    /// <summary>COPY reads the source string's value (params: k).</summary>
    public static readonly Statement SelectValue = SqlBuilder.From(SqlTable.Keyspace).Select("v")
        .Where("k", "=", "@k").Build("keyspace.select_value");

    /// <summary>COPY writes a new string row, with a new id, in a given db (params: key_db, k, v, expires_at).</summary>
    /// <summary>Creates an empty collection key in a given db for COPY (params: key_db, k, type, expires_at).</summary>
    public static readonly Statement InsertCollectionIn = SqlBuilder.Insert(SqlTable.Keyspace).InDatabase("@key_db")
        .Value("k", "@k").Value("type", "@type").Value("expires_at", "@expires_at")
        .Build("keyspace.insert_collection_in");

    public static readonly Statement InsertStringIn = SqlBuilder.Insert(SqlTable.Keyspace).InDatabase("@key_db")
        .Value("k", "@k").Value("type", "1").Value("v", "@v").Value("expires_at", "@expires_at")
        .Build("keyspace.insert_string_in");

    /// <summary>DBSIZE (params: now).</summary>
    public static readonly Statement CountLive = SqlBuilder.From(SqlTable.Keyspace).Select("COUNT(*)")
        .WhereLive().Build("keyspace.count_live");

    /// <summary>FLUSHDB: every row of the selected db; children are left to the collector.</summary>
    /// <summary>Moves every key row of one db of the tenant to another, empty db (params: to_db, from_db).</summary>
    public static readonly Statement MoveDatabase = SqlBuilder.Update(SqlTable.Keyspace).Set("db", "@to_db").InDatabase("@from_db")
        .Build("keyspace.move_database");

    public static readonly Statement FlushDb = SqlBuilder.Delete(SqlTable.Keyspace).Build("keyspace.flush_db");

    /// <summary>FLUSHALL: every db of the caller's tenant, never another tenant's.</summary>
    public static readonly Statement FlushAll = SqlBuilder.Delete(SqlTable.Keyspace).AllDatabases().Build("keyspace.flush_all");

    /// <summary>Values in the statement's parameter order, from names: for statements whose order differs by shape.</summary>
    public static object?[] Bind(Statement statement, IReadOnlyDictionary<string, object?> values) =>
        statement.Parameters.Select(name => values[name]).ToArray();
}
