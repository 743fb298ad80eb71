using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// The DUMP / RESTORE payload of Redis 7.0 (cluster.c's createDumpPayload and verifyDumpPayload): the RDB object
/// type byte, the value as rdb.c saves it, then a footer of the RDB version (2 bytes) and the CRC64 of everything
/// before the CRC (8 bytes), both little endian.
/// </summary>
public static class DumpPayload
{
    /// <summary>The RDB version Redis 7.0 writes, and the highest it restores.</summary>
    public const ushort RdbVersion = 10;

    private const int FooterSize = 2 + 8;

    /// <summary>
    /// The payload Redis 7.0's DUMP would return for <paramref name="value"/> built with plain commands under
    /// <paramref name="options"/> (Redis's defaults if null). Throws <see cref="ArgumentException"/> for an empty
    /// collection, which Redis never holds.
    /// </summary>
    public static byte[] Encode(RdbValue value, RdbEncodingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        options ??= RdbEncodingOptions.Default;
        using var writer = new RdbWriter(options.RdbCompression);
        RdbValueWriter.Write(value, options, writer);
        writer.WriteUInt16LittleEndian(RdbVersion);
        writer.WriteUInt64LittleEndian(Crc64.Compute(writer.Written));
        return writer.Written.ToArray();
    }

    /// <summary>
    /// Decodes a payload as Redis 7.0's RESTORE would with sanitize-dump-payload yes, or says why not; never throws on
    /// malformed input. Beyond Redis, a sorted set score stored as the text "nan" is refused too.
    /// </summary>
    public static bool TryDecode(
        ReadOnlySpan<byte> payload,
        [NotNullWhen(true)] out RdbValue? value,
        [NotNullWhen(false)] out DumpPayloadError? error)
    {
        value = null;
        error = CheckFooter(payload);
        if (error != null) return false;

        // RESTORE reads the value from the whole argument, footer included, and never checks that it used it all:
        // trailing bytes are ignored, and a value cut short can take its last bytes from the footer. So does this.
        var reader = new RdbReader(payload);
        try
        {
            var type = reader.ReadByte();
            if (type is RdbType.StreamListpacks or RdbType.StreamListpacks2)
            {
                error = new DumpPayloadError(DumpPayloadErrorKind.UnsupportedType, "Streams are not supported.");
                return false;
            }
            value = RdbValueReader.Read(type, ref reader);
            return true;
        }
        catch (RdbFormatException e)
        {
            error = new DumpPayloadError(DumpPayloadErrorKind.BadData, e.Message);
            return false;
        }
    }

    // verifyDumpPayload: a footer, a version Redis knows (any up to its own), and the CRC64; a CRC of 0 is no
    // exception (only DEBUG SET-SKIP-CHECKSUM-VALIDATION skips the check).
    private static DumpPayloadError? CheckFooter(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < FooterSize)
            return new DumpPayloadError(DumpPayloadErrorKind.VersionOrChecksum, "The payload is shorter than its footer.");
        var footer = payload[^FooterSize..];
        var version = BinaryPrimitives.ReadUInt16LittleEndian(footer);
        if (version > RdbVersion)
            return new DumpPayloadError(DumpPayloadErrorKind.VersionOrChecksum, $"RDB version {version} is newer than {RdbVersion}.");
        if (BinaryPrimitives.ReadUInt64LittleEndian(footer[2..]) != Crc64.Compute(payload[..^8]))
            return new DumpPayloadError(DumpPayloadErrorKind.VersionOrChecksum, "The CRC64 does not match.");
        return null;
    }
}
