namespace RedisOnMySql.Kernel.Rdb;

/// <summary>Why a DUMP payload was refused.</summary>
public enum DumpPayloadErrorKind
{
    /// <summary>Shorter than the footer, an RDB version above 10, or a wrong CRC64.</summary>
    VersionOrChecksum,

    /// <summary>The footer is right but the value does not decode (Redis's RESTORE refuses it too).</summary>
    BadData,

    /// <summary>A well-formed type this codec does not model: a stream (Redis would restore it).</summary>
    UnsupportedType,
}
