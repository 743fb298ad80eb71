using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>Statements of the strings family beyond the kernel's shared keyspace ones.</summary>
internal static class StringStatements
{
    private static readonly ConcurrentDictionary<int, Statement> SelectManyByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockManyByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockValuesByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> UpsertChunksByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SelectChunksInByShape = new();

    public static readonly SqlTable Chunks = new("string_chunks", TableScope.Tenant);
    public static readonly SqlTable Sizes = new("string_sizes", TableScope.Tenant);

    /// <summary>Chunks and size rows belong to a key only while it is a string whose inline value is NULL.</summary>
    private const string HoldsChunks = "{k}.v IS NULL";

    public static readonly ChildTable ChunkRows = new(Chunks, KeyType.String, ["n", "v"], KeyCondition: HoldsChunks);
    public static readonly ChildTable SizeRows = new(Sizes, KeyType.String, ["size"], KeyCondition: HoldsChunks);

    private const string JoinSize = "LEFT JOIN string_sizes s ON s.tenant = k.tenant AND s.key_id = k.id";

    /// <summary>Type, inline value and id of a visible key (params: k, now).</summary>
    public static readonly Statement SelectValue = SqlBuilder.From(SqlTable.Keyspace).Select("type", "v", "id")
        .Where("k", "=", "@k").WhereLive().Build("strings.select_value");

    /// <summary>Type and length of a visible key, inline or big, without reading the value (params: k, now).</summary>
    public static readonly Statement SelectLength = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select("k.type", "COALESCE(LENGTH(k.v), s.size, 0)").Join(JoinSize)
        .WhereRaw("k.k = @k").WhereLive().Build("strings.select_length");

    /// <summary>
    /// Locks a key's row, live, expired or missing (params: k). Columns id, type, expires_at, v, then the size of a
    /// big string (NULL otherwise).
    /// </summary>
    public static readonly Statement LockString = LockOrShare().ForUpdate().Build("strings.lock_string");

    /// <summary><see cref="LockString"/> for readers: the row is held shared, so writers wait until the read ends.</summary>
    public static readonly Statement ShareString = LockOrShare().ForShare().Build("strings.share_string");

    private static SqlBuilder LockOrShare() => SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select("k.id", "k.type", "k.expires_at", "k.v", "s.size").Join(JoinSize).WhereRaw("k.k = @k");

    /// <summary>Creates the row of a big string, whose bytes go to chunks under its new id (params: k, expires_at).</summary>
    public static readonly Statement InsertBigString = SqlBuilder.Insert(SqlTable.Keyspace)
        .Value("k", "@k").Value("type", "1").Value("v", "NULL").Value("expires_at", "@expires_at")
        .Build("strings.insert_big_string");

    /// <summary>The stored chunks numbered first to last of a big string its reader holds locked (params: key_id, first, last).</summary>
    public static readonly Statement SelectChunks = SqlBuilder.From(Chunks).Select("n", "v")
        .Where("key_id", "=", "@key_id").Where("n", ">=", "@first").Where("n", "<=", "@last").OrderBy("n")
        .Build("strings.select_chunks");

    /// <summary>The stored chunks among <paramref name="shape"/> numbers of a big string its reader holds locked (params: key_id, n0..).</summary>
    public static Statement SelectChunksIn(int shape) => SelectChunksInByShape.GetOrAdd(shape, count => SqlBuilder.From(Chunks)
        .Select("n", "v").Where("key_id", "=", "@key_id").WhereIn("n", "@n", count).Build($"strings.select_chunks_in_{count}"));

    /// <summary>
    /// A byte of a visible key, inline or big, in one statement (params: at, n, byte, k, now): type, then the byte
    /// (empty or NULL past the value's end). @byte is its 1-based position in an inline value; @n and @at are its chunk
    /// and its 1-based position there.
    /// </summary>
    public static readonly Statement SelectByte = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select("k.type", "IF(k.v IS NULL, (SELECT SUBSTRING(c.v, @at, 1) FROM string_chunks c " +
            "WHERE c.tenant = k.tenant AND c.key_id = k.id AND c.n = @n), SUBSTRING(k.v, @byte, 1))")
        .WhereRaw("k.k = @k").WhereLive().Build("strings.select_byte");

    /// <summary>
    /// A big string whole, read without a lock in one statement, so from one version: its size on every row, then its
    /// stored chunks in order (a NULL chunk when it has none). No row when the id no longer holds a big string
    /// (params: key_id).
    /// </summary>
    public static readonly Statement SelectBigString = SqlBuilder.From(Sizes).Alias("s").Select("s.size", "c.n", "c.v")
        .Join("LEFT JOIN string_chunks c ON c.tenant = s.tenant AND c.key_id = s.key_id")
        .WhereRaw("s.key_id = @key_id").WhereRaw(ChunkRows.KeyAlive("@key_id")).OrderBy("c.n")
        .Build("strings.select_big_string");

    /// <summary>Records the length of a big string (params: key_id, size).</summary>
    public static readonly Statement UpsertSize = SqlBuilder.Insert(Sizes).Value("key_id", "@key_id").Value("size", "@size")
        .OnDuplicateKeyUpdate("size = @size").Build("strings.upsert_size");

    /// <summary>Writes <paramref name="shape"/> chunks of one big string (params: key_id, then n{i}, v{i} per chunk).</summary>
    public static Statement UpsertChunks(int shape) => UpsertChunksByShape.GetOrAdd(shape, n => SqlBuilder.Insert(Chunks)
        .Rows(n).Value("key_id", "@key_id").Value("n", "@n[]").Value("v", "@v[]")
        .OnDuplicateKeyUpdate("v = VALUES(v)").Build($"strings.upsert_chunks_{n}"));

    /// <summary>Appends to a string row locked by the caller, keeping its expiry (params: v, k).</summary>
    public static readonly Statement AppendValue = SqlBuilder.Update(SqlTable.Keyspace)
        .Set("v", "CONCAT(v, @v)").Where("k", "=", "@k").Build("strings.append_value");

    /// <summary>Key, type, inline value and id of the visible keys among <paramref name="shape"/> keys (params: k0.., now).</summary>
    public static Statement SelectMany(int shape) => SelectManyByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "type", "v", "id")
            .WhereIn("k", "@k", n).WhereLive().Build($"strings.select_many_{n}"));

    /// <summary>
    /// Locks the rows of <paramref name="shape"/> keys, live or expired, in key order (params: k0..).
    /// Columns as <see cref="LockString"/>'s, then k.
    /// </summary>
    public static Statement LockMany(int shape) => LockManyByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Alias("k").Select("k.id", "k.type", "k.expires_at", "k.v", "s.size", "k.k").Join(JoinSize)
            .WhereIn("k.k", "@k", n).OrderBy("k.k").ForUpdate().Build($"strings.lock_many_{n}"));

    /// <summary>
    /// Locks the rows of <paramref name="shape"/> keys, live or expired (params: k0..); columns k, type, expires_at, v
    /// as a <c>KeyedUpdate</c> expects (key first).
    /// </summary>
    public static Statement LockValues(int shape) => LockValuesByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "type", "expires_at", "v")
            .WhereIn("k", "@k", n).OrderBy("k").ForUpdate().Build($"strings.lock_values_{n}"));
}
