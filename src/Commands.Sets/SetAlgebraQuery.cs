using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>
/// A set operation resolved to the key ids of existing sets: the first set and the others, as
/// <see cref="SetAlgebraStatements"/> takes them. Resolving decides Redis's shortcuts: a missing key is an empty set.
/// </summary>
internal sealed record SetAlgebraQuery(SetOperation Operation, long First, IReadOnlyList<long> Others)
{
    /// <summary>Statement shape for <see cref="Others"/>.</summary>
    public int Shape => InListShape.For(Others.Count);

    /// <summary>Statement values: <paramref name="before"/>, the first id, the padded other ids, then <paramref name="after"/>.</summary>
    public object?[] Bind(object?[] before, params object?[] after) =>
        [.. before, First, .. InListShape.Padded(Others).Cast<object?>(), .. after];

    /// <summary>
    /// The query over the sets named by <paramref name="sourceKeys"/> (in argument order), or null when the result
    /// is empty without asking MySQL. WRONGTYPE when any live source is not a set, as Redis checks every key.
    /// </summary>
    public static SetAlgebraQuery? Resolve(SetOperation operation, IReadOnlyList<byte[]> sourceKeys, IEnumerable<KeyRow> rows, long nowMs)
    {
        // Rows may include other keys (a STORE destination), which need not be sets.
        var live = rows.Where(r => r.IsLiveAt(nowMs)).ToDictionary(r => Convert.ToHexString(r.Key));
        var ids = sourceKeys.Select(k => live.GetValueOrDefault(Convert.ToHexString(k))).Select(row =>
            row is null ? (long?)null
            : row.Type == KeyType.Set ? row.Id
            : throw new RedisException(RedisErrors.WrongType)).ToList();
        if (operation == SetOperation.Diff)
        {
            if (ids[0] is not long first) return null;
            var others = ids.Skip(1).OfType<long>().Distinct().ToList();
            return others.Contains(first) ? null : new(operation, first, others);
        }
        if (operation == SetOperation.Inter && ids.Contains(null)) return null;
        var present = ids.OfType<long>().Distinct().ToList();
        return present.Count == 0 ? null : new(operation, present[0], present.Skip(1).ToList());
    }
}
