namespace RedisOnMySql.Kernel.Rdb;

/// <summary>A list value: its items from head to tail.</summary>
public sealed class RdbList : RdbValue
{
    public RdbList(IEnumerable<byte[]> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = items.ToArray();
        foreach (var element in copy) ArgumentNullException.ThrowIfNull(element, nameof(items));
        Items = copy;
    }

    public IReadOnlyList<byte[]> Items { get; }
}
