namespace RedisOnMySql.Kernel.Rdb;

/// <summary>A refused DUMP payload: the kind of fault, and what exactly was wrong (for logs, not for clients).</summary>
public sealed record DumpPayloadError(DumpPayloadErrorKind Kind, string Detail)
{
    /// <summary>
    /// The error message redis-server 7.0's RESTORE answers for a payload of this kind (no leading '-'). Redis answers
    /// only these two; for <see cref="DumpPayloadErrorKind.UnsupportedType"/> (a stream, which Redis would restore) it
    /// is the nearest of them.
    /// </summary>
    public string RedisErrorMessage => Kind == DumpPayloadErrorKind.VersionOrChecksum
        ? "ERR DUMP payload version or checksum are wrong"
        : "ERR Bad data format";
}
