using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// A family's table of member counts, one row per collection key (tenant, key_id, size), written in the same
/// transaction as every change of members, so HLEN, SCARD and the like read one row instead of counting
/// (DESIGN.md: cardinality is O(1)). <see cref="CollectionKey.LockAsync(ISqlRunner, byte[], SizeTable, long)"/>
/// reads the size with the key's lock; <see cref="CollectionKey.ResizeAsync"/> writes it.
/// </summary>
public sealed class SizeTable
{
    public SizeTable(string name, KeyType type)
    {
        Table = new SqlTable(name, TableScope.Tenant);
        Children = new ChildTable(Table, type, ["size"]);
        string join = $"LEFT JOIN {name} s ON s.tenant = k.tenant AND s.key_id = k.id";
        LockKey = SqlBuilder.From(SqlTable.Keyspace).Alias("k").Select("k.id", "k.type", "k.expires_at", "NULL", "s.size")
            .Join(join).WhereRaw("k.k = @k").ForUpdate().Build($"{name}.lock_key");
        SelectKeySize = SqlBuilder.From(SqlTable.Keyspace).Alias("k").Select("k.type", "s.size")
            .Join(join).WhereRaw("k.k = @k").WhereLive().Build($"{name}.select_key_size");
        Upsert = SqlBuilder.Insert(Table).Value("key_id", "@key_id").Value("size", "@size")
            .OnDuplicateKeyUpdate("size = @size").Build($"{name}.upsert");
    }

    public SqlTable Table { get; }

    /// <summary>The declaration that lets the kernel collect and COPY the size rows with the members.</summary>
    public ChildTable Children { get; }

    /// <summary>Locks the key's row, live, expired or missing, and reads its size (params: k): <see cref="KeyspaceRow"/>'s columns, then size.</summary>
    public Statement LockKey { get; }

    /// <summary>Type and size of a visible key (params: k, now); the size is NULL only for a key of another type.</summary>
    public Statement SelectKeySize { get; }

    /// <summary>Records the size of a key its writer holds locked (params: key_id, size).</summary>
    public Statement Upsert { get; }
}
