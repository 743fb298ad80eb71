using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// An algebra command resolved to its inputs: for each key in argument order, the id of the sorted set or of the plain
/// set it holds (0 for the other kind and for a missing key, which is an empty input) and its weight, as
/// <see cref="AlgebraStatements"/> binds them. Resolving applies Redis's shortcuts: an empty result needs no statement.
/// </summary>
internal sealed class AlgebraQuery
{
    private readonly IReadOnlyList<(long ZSet, long Set)> _inputs;
    private readonly IReadOnlyList<double> _weights;

    private AlgebraQuery(IReadOnlyList<(long, long)> inputs, IReadOnlyList<double> weights)
    {
        _inputs = inputs;
        _weights = weights;
    }

    /// <summary>Statement shape: the inputs padded to a power of two with empty ones.</summary>
    public int Shape => InListShape.For(_inputs.Count);

    /// <summary>Whether an input is a plain set, which needs the sets' member table.</summary>
    public bool ReadsSets => _inputs.Any(i => i.Set != 0);

    /// <summary>
    /// The query over <paramref name="keys"/>, or null when the result is empty without asking MySQL: ZINTER with a
    /// missing input, ZDIFF with a missing first one, ZUNION with all missing. WRONGTYPE when a live key is neither a
    /// sorted set nor a set, as Redis checks every key. <paramref name="rows"/> may hold other keys (a STORE destination).
    /// </summary>
    public static AlgebraQuery? Resolve(AlgebraOperation operation, IReadOnlyList<byte[]> keys, IReadOnlyList<double> weights,
        IEnumerable<KeyRow> rows, long nowMs)
    {
        var live = rows.Where(r => r.IsLiveAt(nowMs)).ToDictionary(r => r.Key, KeyBytesComparer.Instance);
        var inputs = keys.Select(k => live.GetValueOrDefault(k) switch
        {
            null => (0L, 0L),
            { Type: KeyType.ZSet } row => (row.Id, 0L),
            { Type: KeyType.Set } row => (0L, row.Id),
            _ => throw new RedisException(RedisErrors.WrongType),
        }).ToList();
        bool empty = operation switch
        {
            AlgebraOperation.Inter => inputs.Contains((0, 0)),
            AlgebraOperation.Diff => inputs[0] == (0, 0),
            _ => inputs.All(i => i == (0, 0)),
        };
        return empty ? null : new AlgebraQuery(inputs, weights);
    }

    /// <summary>
    /// The values of <paramref name="statement"/>, by parameter name: per input slot its ids (z, s) and weight (wc its
    /// infinity, wf its finite part, lim the largest score it multiplies without overflow), n the input count, and
    /// <paramref name="extra"/>.
    /// </summary>
    public object?[] Bind(Statement statement, params (string Name, object? Value)[] extra)
    {
        var values = new Dictionary<string, object?>(extra.Select(e => KeyValuePair.Create(e.Name, e.Value))) { ["n"] = _inputs.Count };
        for (int i = 0; i < Shape; i++)
        {
            var (zset, set) = i < _inputs.Count ? _inputs[i] : (0L, 0L);
            double weight = i < _inputs.Count ? _weights[i] : 1;
            values[$"z{i}"] = zset;
            values[$"s{i}"] = set;
            values[$"wc{i}"] = (int)ScoreColumns.Inf(weight);
            values[$"wf{i}"] = ScoreColumns.Finite(weight);
            values[$"lim{i}"] = Math.Abs(weight) <= 1 ? double.MaxValue : double.MaxValue / Math.Abs(weight) * (1 - 1e-15);
        }
        return statement.Parameters.Select(name => values[name]).ToArray();
    }
}
