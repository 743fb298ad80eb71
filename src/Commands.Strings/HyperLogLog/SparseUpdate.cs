namespace RedisOnMySql.Commands.Strings.HyperLogLog;

/// <summary>What raising one register of a sparse value did.</summary>
internal enum SparseUpdate
{
    Unchanged,
    Updated,

    /// <summary>
    /// The value must become dense first: the rank exceeds what a VAL holds, or the value would outgrow
    /// hll-sparse-max-bytes.
    /// </summary>
    NeedsDense,
    Corrupt,
}
