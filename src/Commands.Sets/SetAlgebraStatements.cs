using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Sets;

/// <summary>
/// Set algebra as SQL run inside MySQL, never by streaming members to the proxy. Every statement reads the members
/// of the first set (<c>m</c>, @id) filtered against the other sets (@other0.., padded to a power-of-two shape):
/// intersection with one EXISTS per other set, difference with one NOT EXISTS over all of them, union as an IN list.
/// The ids were resolved by an earlier statement, so plain reads also check in their own snapshot that each source set
/// still exists: a set deleted in between reads as empty rather than half collected.
/// </summary>
internal static class SetAlgebraStatements
{
    private static readonly ConcurrentDictionary<(SetOperation, int), Statement> SelectByShape = new();
    private static readonly ConcurrentDictionary<(SetOperation, int), Statement> StoreByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> InterCardByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> InterCardLimitedByShape = new();

    /// <summary>The result's members, as columns member_hash, member (params: id, other0..).</summary>
    public static Statement Select(SetOperation operation, int shape) => SelectByShape.GetOrAdd((operation, shape), key =>
        Source(key.Item1, key.Item2)
            .Select(key.Item1 == SetOperation.Union ? "DISTINCT m.member_hash" : "m.member_hash", "m.member")
            .Build($"sets.{Name(key.Item1)}_{key.Item2}"));

    /// <summary>
    /// Writes the result as the members of a fresh destination set (params: dst_id, id, other0..); the affected row
    /// count is its cardinality. A union may meet a member twice, which INSERT IGNORE keeps once.
    /// </summary>
    public static Statement Store(SetOperation operation, int shape) => StoreByShape.GetOrAdd((operation, shape), key =>
    {
        var insert = SqlBuilder.Insert(SetStatements.Members)
            .Value("key_id", "@dst_id").Value("member_hash", "m.member_hash").Value("member", "m.member")
            .FromSelect(Source(key.Item1, key.Item2, lockedSources: true));
        if (key.Item1 == SetOperation.Union) insert.InsertIgnore();
        return insert.Build($"sets.{Name(key.Item1)}_store_{key.Item2}");
    });

    /// <summary>Cardinality of an intersection (params: id, other0..).</summary>
    public static Statement InterCard(int shape) => InterCardByShape.GetOrAdd(shape, n =>
        Source(SetOperation.Inter, n).Select("COUNT(*)").Build($"sets.intercard_{n}"));

    /// <summary>One row per member of an intersection, at most @limit: SINTERCARD stops counting there (params: id, other0.., limit).</summary>
    public static Statement InterCardLimited(int shape) => InterCardLimitedByShape.GetOrAdd(shape, n =>
        Source(SetOperation.Inter, n).Select("1").Limit("@limit").Build($"sets.intercard_limited_{n}"));

    /// <param name="lockedSources">
    /// The STORE forms lock their sources in the same transaction, which may also have just replaced the destination
    /// when it is a source: they read the ids as locked, without the liveness checks of the plain reads.
    /// </param>
    private static SqlBuilder Source(SetOperation operation, int shape, bool lockedSources = false)
    {
        string AndAlive(string keyId) => lockedSources ? "" : " AND " + SetStatements.Children.KeyAlive(keyId);
        var others = Enumerable.Range(0, shape).Select(i => $"@other{i}").ToList();
        var source = SqlBuilder.From(SetStatements.Members).Alias("m");
        switch (operation)
        {
            case SetOperation.Inter:
                source.WhereRaw("m.key_id = @id" + AndAlive("@id"));
                for (int i = 0; i < shape; i++)
                    source.WhereRaw($"EXISTS (SELECT 1 FROM set_members x{i} WHERE x{i}.tenant = @tenant AND x{i}.key_id = @other{i} AND x{i}.member_hash = m.member_hash{AndAlive($"@other{i}")})");
                break;
            case SetOperation.Diff:
                source.WhereRaw("m.key_id = @id" + AndAlive("@id"));
                if (shape > 0)
                    source.WhereRaw($"NOT EXISTS (SELECT 1 FROM set_members x WHERE x.tenant = @tenant AND x.key_id IN ({string.Join(", ", others)}) AND x.member_hash = m.member_hash{AndAlive("x.key_id")})");
                break;
            case SetOperation.Union:
                source.WhereRaw($"m.key_id IN ({string.Join(", ", others.Prepend("@id"))}){AndAlive("m.key_id")}");
                break;
        }
        return source;
    }

    private static string Name(SetOperation operation) => operation.ToString().ToLowerInvariant();
}
