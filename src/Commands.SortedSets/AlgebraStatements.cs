using System.Collections.Concurrent;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// Sorted-set algebra as SQL run inside MySQL, never by streaming members to the proxy. Every input slot i contributes
/// rows (member hash, member, slot, weighted score) from zset_members (@z{i}) or, for a plain set, from the member table
/// its family declares to the kernel (@s{i}, score 1); unused slots have id 0, which no key has. Members are grouped by
/// hash and the weighted scores aggregated; ZINTER keeps members found in all @n inputs, ZDIFF those found only in the
/// first. A weighted score is carried as Redis's double would be, in two parts (score_inf's -1/0/+1 and the finite
/// part): ±inf times a weight keeps its infinity, 0 × inf (NaN in Redis) counts as 0, and a product or a sum beyond
/// ±1.8e308 becomes ±inf instead of a MySQL range error.
/// </summary>
internal sealed class AlgebraStatements(ChildTable? sets)
{
    private const string Huge = "1.7976931348623157e308";
    private const string Positive = "SUM(c.vc = 1)", Negative = "SUM(c.vc = -1)", Sum = "SUM(c.vs)";
    private const string FiniteMin = "MIN(CASE WHEN c.vc = 0 THEN c.vs END)", FiniteMax = "MAX(CASE WHEN c.vc = 0 THEN c.vs END)";

    private readonly ConcurrentDictionary<(AlgebraOperation, Aggregate, int), Statement> _select = new();
    private readonly ConcurrentDictionary<(AlgebraOperation, Aggregate, int), Statement> _store = new();
    private readonly ConcurrentDictionary<int, Statement> _interCard = new();
    private readonly ConcurrentDictionary<int, Statement> _interCardLimited = new();

    /// <summary>Whether plain sets can be inputs: a loaded family declared their member table.</summary>
    public bool ReadsSets => sets is not null;

    /// <summary>The result's members with their score columns: h, m, rc (score_inf), rs (score).</summary>
    public Statement Select(AlgebraOperation operation, Aggregate aggregate, int shape) =>
        _select.GetOrAdd((operation, aggregate, shape), key =>
            Result(key.Item1, key.Item2, key.Item3, keysLocked: false).Select("a.h", "a.m", "a.rc", "a.rs")
                .Build($"zsets.{Name(key.Item1)}_{Name(key.Item2)}_{key.Item3}"));

    /// <summary>
    /// Writes the result as the members of a fresh destination (params as <see cref="Select"/> and dst_id); the affected
    /// row count is its size. Its inputs are locked, and may include the destination's old id (just deleted), so it
    /// reads them without the liveness check of the plain reads.
    /// </summary>
    public Statement Store(AlgebraOperation operation, Aggregate aggregate, int shape) =>
        _store.GetOrAdd((operation, aggregate, shape), key => SqlBuilder.Insert(ZSetTables.Members)
            .Value("key_id", "@dst_id").Value("member_hash", "a.h").Value("member", "a.m")
            .Value("member_prefix", $"LEFT(a.m, {ZSetTables.PrefixBytes})").Value("score_inf", "a.rc").Value("score", "a.rs")
            .FromSelect(Result(key.Item1, key.Item2, key.Item3, keysLocked: true))
            .Build($"zsets.{Name(key.Item1)}_{Name(key.Item2)}_store_{key.Item3}"));

    /// <summary>Cardinality of an intersection.</summary>
    public Statement InterCard(int shape) => _interCard.GetOrAdd(shape, n =>
        Result(AlgebraOperation.Inter, Aggregate.Sum, n, keysLocked: false).Select("COUNT(*)").Build($"zsets.intercard_{n}"));

    /// <summary>One row per member of an intersection, at most @limit: ZINTERCARD stops counting there.</summary>
    public Statement InterCardLimited(int shape) => _interCardLimited.GetOrAdd(shape, n =>
        Result(AlgebraOperation.Inter, Aggregate.Sum, n, keysLocked: false).Select("1").Limit("@limit").Build($"zsets.intercard_limited_{n}"));

    /// <summary>The aggregated members (alias a) filtered as the operation keeps them.</summary>
    private SqlBuilder Result(AlgebraOperation operation, Aggregate aggregate, int shape, bool keysLocked)
    {
        var grouped = SqlBuilder.From(new SqlTable($"({Contributions(shape, keysLocked)})", TableScope.Tenant)).Alias("c")
            .Select("c.tenant", "c.h", "MIN(c.m) AS m", "COUNT(*) AS n", "MAX(c.o) AS last",
                $"{ResultInf(aggregate)} AS rc", $"{ResultFinite(aggregate)} AS rs")
            .GroupBy("c.tenant", "c.h").Build("grouped");
        var result = SqlBuilder.From(new SqlTable($"({grouped.Sql})", TableScope.Tenant)).Alias("a");
        return operation switch
        {
            AlgebraOperation.Inter => result.Where("a.n", "=", "@n"),
            AlgebraOperation.Diff => result.WhereRaw("a.n = 1 AND a.last = 0"),
            _ => result,
        };
    }

    /// <summary>Every input's rows: tenant, h (hash), m (member), o (slot), vc and vs (the weighted score's two parts).</summary>
    private string Contributions(int shape, bool keysLocked)
    {
        var parts = new List<string>();
        for (int i = 0; i < shape; i++)
        {
            string zsetAlive = keysLocked ? "" : " AND " + ZSetTables.MemberTable.KeyAlive($"@z{i}");
            parts.Add($"SELECT z.tenant, z.member_hash AS h, z.member AS m, {i} AS o, {WeightedInf(i)} AS vc, {WeightedFinite(i)} AS vs " +
                      $"FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z{i}{zsetAlive}");
            if (sets is null) continue;
            string setAlive = keysLocked ? "" : " AND " + sets.KeyAlive($"@s{i}");
            parts.Add($"SELECT x.tenant, x.{sets.Members!.Hash}, x.{sets.Members.Value}, {i}, @wc{i}, @wf{i} " +
                      $"FROM {sets.Table.Name} x WHERE x.tenant = @tenant AND x.key_id = @s{i}{setAlive}");
        }
        return string.Join(" UNION ALL ", parts);
    }

    /// <summary>
    /// The infinity of weight × score: an infinite weight gives the sign of both (0 for a zero score: NaN), an infinite
    /// score the sign of both (0 for a zero weight), a finite product beyond @lim{i} overflows to the sign of both.
    /// </summary>
    private static string WeightedInf(int i) =>
        $"CASE WHEN @wc{i} <> 0 THEN @wc{i} * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) " +
        $"WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf{i}) " +
        $"WHEN ABS(z.score) > @lim{i} THEN SIGN(z.score) * SIGN(@wf{i}) ELSE 0 END";

    /// <summary>The finite product of weight and score, 0 when <see cref="WeightedInf"/> is not.</summary>
    private static string WeightedFinite(int i) =>
        $"CASE WHEN @wc{i} = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim{i} THEN z.score * @wf{i} ELSE 0 END";

    /// <summary>
    /// The aggregate's infinity. SUM: either infinity wins, both together make 0 (Redis's NaN rule), a finite sum
    /// beyond the largest double overflows. MIN/MAX: an infinity on its side wins, else the finite extreme, else the
    /// other infinity.
    /// </summary>
    private static string ResultInf(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Sum => $"CASE WHEN {Positive} > 0 AND {Negative} > 0 THEN 0 WHEN {Positive} > 0 THEN 1 WHEN {Negative} > 0 THEN -1 " +
                         $"WHEN {Sum} > {Huge} THEN 1 WHEN {Sum} < -{Huge} THEN -1 ELSE 0 END",
        Aggregate.Min => $"CASE WHEN {Negative} > 0 THEN -1 WHEN {FiniteMin} IS NOT NULL THEN 0 ELSE 1 END",
        _ => $"CASE WHEN {Positive} > 0 THEN 1 WHEN {FiniteMax} IS NOT NULL THEN 0 ELSE -1 END",
    };

    /// <summary>The aggregate's finite part, 0 when <see cref="ResultInf"/> is not.</summary>
    private static string ResultFinite(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Sum => $"CASE WHEN {Positive} = 0 AND {Negative} = 0 AND {Sum} BETWEEN -{Huge} AND {Huge} THEN {Sum} ELSE 0 END",
        Aggregate.Min => $"CASE WHEN {Negative} > 0 THEN 0 ELSE COALESCE({FiniteMin}, 0) END",
        _ => $"CASE WHEN {Positive} > 0 THEN 0 ELSE COALESCE({FiniteMax}, 0) END",
    };

    private static string Name(AlgebraOperation operation) => operation.ToString().ToLowerInvariant();

    private static string Name(Aggregate aggregate) => aggregate.ToString().ToLowerInvariant();
}
