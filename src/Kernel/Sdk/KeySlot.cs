namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// Redis Cluster's hash slot of a key: CRC16 (XMODEM: polynomial 0x1021, initial value 0) of the key, or of its hash
/// tag, modulo 16384. The hash tag is what lies between the first '{' and the first '}' after it, when not empty, so
/// {user1}.name and {user1}.age share a slot. The keyspace stores every key's slot for CLUSTER COUNTKEYSINSLOT.
/// </summary>
public static class KeySlot
{
    public const int Count = 16384;

    private static readonly ushort[] Table = BuildTable();

    public static int Of(ReadOnlySpan<byte> key)
    {
        int open = key.IndexOf((byte)'{');
        if (open >= 0)
        {
            int close = key[(open + 1)..].IndexOf((byte)'}');
            if (close > 0) key = key.Slice(open + 1, close);
        }
        return Crc16(key) & (Count - 1);
    }

    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (byte b in data) crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            table[i] = (ushort)crc;
        }
        return table;
    }
}
