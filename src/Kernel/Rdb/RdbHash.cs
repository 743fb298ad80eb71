namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// A hash value. The field names must be distinct; the constructor does not check it. The order is kept: it is the
/// order of a small (listpack) hash in the payload, as HSET appends new fields at the end.
/// </summary>
public sealed class RdbHash : RdbValue
{
    public RdbHash(IEnumerable<RdbHashField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var copy = fields.ToArray();
        foreach (var field in copy)
        {
            ArgumentNullException.ThrowIfNull(field.Name, nameof(fields));
            ArgumentNullException.ThrowIfNull(field.Value, nameof(fields));
        }
        Fields = copy;
    }

    public IReadOnlyList<RdbHashField> Fields { get; }
}
