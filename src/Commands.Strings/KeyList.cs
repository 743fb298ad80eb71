using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Strings;

/// <summary>The distinct keys of a multi-key command, bound to an IN-list statement of a cached shape.</summary>
internal sealed class KeyList
{
    private KeyList(List<byte[]> keys)
    {
        Keys = keys;
        Shape = InListShape.For(keys.Count);
    }

    public List<byte[]> Keys { get; }

    /// <summary>IN-list size of the statement to use (see <see cref="InListShape.For"/>).</summary>
    public int Shape { get; }

    /// <summary>Distinct keys in byte order, which is also the order rows get locked in.</summary>
    public static KeyList Sorted(IEnumerable<byte[]> keys)
    {
        var distinct = new HashSet<byte[]>(keys, KeyBytesComparer.Instance).ToList();
        distinct.Sort(KeyBytesComparer.Instance);
        return new KeyList(distinct);
    }

    /// <summary>Values for the statement: the keys, padded with the first key up to the shape, then <paramref name="after"/>.</summary>
    public object?[] Bind(params object?[] after)
    {
        var values = new object?[Shape + after.Length];
        for (int i = 0; i < Shape; i++) values[i] = Keys[i < Keys.Count ? i : 0];
        after.CopyTo(values, Shape);
        return values;
    }
}
