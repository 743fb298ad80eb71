using Xunit;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>Byte strings every family's binary-safety tests run with: NUL, CR LF, invalid UTF-8 and empty.</summary>
public static class BinarySamples
{
    public static TheoryData<byte[]> Bytes => new()
    {
        new byte[] { 0 },
        "a\r\nb"u8.ToArray(),
        new byte[] { 0xff, 0xfe, 0x00, 0x80, (byte)'\r', (byte)'\n' },
        System.Array.Empty<byte>(),
    };
}
