namespace RedisOnMySql.Kernel.Storage;

/// <summary>The type code stored in keyspace.type, shared by all families (the numbers are part of the schema).</summary>
public enum KeyType : byte
{
    String = 1,
    Hash = 2,
    List = 3,
    Set = 4,
    ZSet = 5,
    Stream = 6,
}

public static class KeyTypeNames
{
    /// <summary>The name TYPE and SCAN TYPE use.</summary>
    public static string Name(this KeyType type) => type switch
    {
        KeyType.String => "string",
        KeyType.Hash => "hash",
        KeyType.List => "list",
        KeyType.Set => "set",
        KeyType.ZSet => "zset",
        KeyType.Stream => "stream",
        _ => "none",
    };

    public static bool TryParse(string name, out KeyType type)
    {
        foreach (var candidate in Enum.GetValues<KeyType>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
