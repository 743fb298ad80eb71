using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// A table of a collection family whose rows belong to one key through <c>key_id</c> (the keyspace row's id),
/// with the tenant leading its primary key. The kernel uses the declaration to copy a key's children (COPY) and to
/// collect children whose key is gone or now holds another type.
/// </summary>
/// <param name="Table">the table, scoped by tenant</param>
/// <param name="Type">the key type whose children live here</param>
/// <param name="Columns">every column besides tenant and key_id (what COPY duplicates), auto-increment ones excluded</param>
/// <param name="CopyOrder">the column that orders the children (e.g. an auto-increment seq), so a copy keeps their order</param>
/// <param name="KeyCondition">
/// what else the key's row must satisfy for the children to be its own, over the row's columns as <c>{k}.column</c>
/// (a string's chunks belong to it only while its inline value is NULL)
/// </param>
public sealed record ChildTable(SqlTable Table, KeyType Type, IReadOnlyList<string> Columns, string? CopyOrder = null, string? KeyCondition = null)
{
    /// <summary>
    /// For a table of members identified by their SHA-256 (a set's): its member columns, so another family can read such
    /// a key as a set of members (ZUNIONSTORE takes plain sets) without referencing the family that owns the table.
    /// </summary>
    public MemberColumns? Members { get; init; }

    /// <summary>Copies all children of one key to another key id, in <see cref="CopyOrder"/> (params: dst_id, src_id).</summary>
    public Statement CopyChildren { get; } = SqlBuilder.Insert(Table)
        .Value("key_id", "@dst_id").Values(Columns)
        .FromSelect(CopyOrder == null
            ? SqlBuilder.From(Table).Where("key_id", "=", "@src_id")
            : SqlBuilder.From(Table).Where("key_id", "=", "@src_id").OrderBy(CopyOrder))
        .Build($"{Table.Name}.copy_children");

    /// <summary>
    /// A predicate that the key with id <paramref name="keyIdExpression"/> still exists as this table's type. A read that
    /// found the key in one statement and reads its children in a second adds it, so the second statement answers from
    /// one snapshot: either the key and all its children, or (deleted in between) nothing, never a half-collected set.
    /// </summary>
    public string KeyAlive(string keyIdExpression) =>
        $"EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = {keyIdExpression} AND {OwnedBy("ka", Type, KeyCondition)})";

    /// <summary>The predicate on a keyspace row aliased <paramref name="alias"/> that it owns this table's children.</summary>
    private static string OwnedBy(string alias, KeyType type, string? condition) =>
        $"{alias}.type = {(int)type}" + (condition is null ? "" : " AND " + condition.Replace("{k}", alias));

    /// <summary>Up to @batch key ids that have children here but no keyspace row of this type any more (params: batch).</summary>
    public Statement SelectOrphanKeyIds { get; } = SqlBuilder.From(Table).Unscoped()
        .Select("DISTINCT c.tenant", "c.key_id").Alias("c")
        .WhereRaw($"NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id AND {OwnedBy("k", Type, KeyCondition)})")
        .Limit("@batch").Build($"{Table.Name}.select_orphan_key_ids");

    /// <summary>Deletes up to @batch children of one orphaned key (params: orphan_tenant, key_id, batch).</summary>
    public Statement DeleteOrphans { get; } = SqlBuilder.Delete(Table).Unscoped()
        .Where("tenant", "=", "@orphan_tenant").Where("key_id", "=", "@key_id")
        .WhereRaw($"NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = @key_id AND {OwnedBy("k", Type, KeyCondition)})")
        .Limit("@batch").Build($"{Table.Name}.delete_orphans");
}
