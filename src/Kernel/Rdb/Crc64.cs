using System.Buffers.Binary;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Redis's CRC64 (crc64.c): the Jones polynomial 0xad93d23594c935a9, reflected, initial value 0, no final xor;
/// "123456789" gives 0xe9c6d914c4b8d9ca. Slicing by 8, since a payload can run to hundreds of megabytes.
/// </summary>
internal static class Crc64
{
    private const ulong ReflectedPolynomial = 0x95AC9329AC4BC9B5;
    private static readonly ulong[] Tables = BuildTables();

    public static ulong Compute(ReadOnlySpan<byte> data)
    {
        var tables = Tables;
        ulong crc = 0;
        while (data.Length >= 8)
        {
            crc ^= BinaryPrimitives.ReadUInt64LittleEndian(data);
            crc = tables[7 * 256 + (int)(crc & 0xFF)] ^
                  tables[6 * 256 + (int)((crc >> 8) & 0xFF)] ^
                  tables[5 * 256 + (int)((crc >> 16) & 0xFF)] ^
                  tables[4 * 256 + (int)((crc >> 24) & 0xFF)] ^
                  tables[3 * 256 + (int)((crc >> 32) & 0xFF)] ^
                  tables[2 * 256 + (int)((crc >> 40) & 0xFF)] ^
                  tables[256 + (int)((crc >> 48) & 0xFF)] ^
                  tables[(int)(crc >> 56)];
            data = data[8..];
        }
        foreach (var b in data) crc = tables[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        return crc;
    }

    // Table k maps a byte to its CRC after k more zero bytes, so eight bytes fold in with one lookup each.
    private static ulong[] BuildTables()
    {
        var tables = new ulong[8 * 256];
        for (var n = 0; n < 256; n++)
        {
            var crc = (ulong)n;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            tables[n] = crc;
        }
        for (var n = 0; n < 256; n++)
        {
            var crc = tables[n];
            for (var k = 1; k < 8; k++)
            {
                crc = tables[(int)(crc & 0xFF)] ^ (crc >> 8);
                tables[k * 256 + n] = crc;
            }
        }
        return tables;
    }
}
