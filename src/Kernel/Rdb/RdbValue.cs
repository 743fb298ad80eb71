namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// A Redis value as DUMP and RESTORE carry it: one of <see cref="RdbString"/>, <see cref="RdbList"/>,
/// <see cref="RdbSet"/>, <see cref="RdbSortedSet"/> and <see cref="RdbHash"/>. Immutable: the constructors copy the
/// element lists (not the byte arrays, which callers must not change afterwards).
/// </summary>
public abstract class RdbValue
{
    private protected RdbValue()
    {
    }
}
