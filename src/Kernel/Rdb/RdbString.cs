namespace RedisOnMySql.Kernel.Rdb;

/// <summary>A string value (also what a HyperLogLog is).</summary>
public sealed class RdbString : RdbValue
{
    public RdbString(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    public byte[] Value { get; }
}
