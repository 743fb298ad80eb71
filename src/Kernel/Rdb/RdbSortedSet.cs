namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// A sorted set value, in no particular order (the encoder sorts as Redis does). The members must be distinct; the
/// constructor does not check it, but it rejects a NaN score, which no sorted set can hold.
/// </summary>
public sealed class RdbSortedSet : RdbValue
{
    public RdbSortedSet(IEnumerable<RdbSortedSetEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var copy = entries.ToArray();
        foreach (var entry in copy)
        {
            ArgumentNullException.ThrowIfNull(entry.Member, nameof(entries));
            if (double.IsNaN(entry.Score)) throw new ArgumentException("A sorted set score cannot be NaN.", nameof(entries));
        }
        Entries = copy;
    }

    public IReadOnlyList<RdbSortedSetEntry> Entries { get; }
}
