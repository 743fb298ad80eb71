namespace RedisOnMySql.Kernel.Rdb;

/// <summary>A set value. The members must be distinct (byte for byte); the constructor does not check it.</summary>
public sealed class RdbSet : RdbValue
{
    public RdbSet(IEnumerable<byte[]> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var copy = members.ToArray();
        foreach (var element in copy) ArgumentNullException.ThrowIfNull(element, nameof(members));
        Members = copy;
    }

    public IReadOnlyList<byte[]> Members { get; }
}
