namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// The binary key range holding every key that starts with a prefix: <c>k &gt;= prefix AND k &lt; UpperBound</c>, so
/// KEYS can read an index range instead of the whole database.
/// </summary>
internal static class KeyPrefixRange
{
    /// <summary>
    /// The smallest key greater than every key with the prefix (the prefix without trailing 0xFF bytes, last byte
    /// plus one), or null when there is none (empty prefix, or all 0xFF): then only the lower bound applies.
    /// </summary>
    public static byte[]? UpperBound(ReadOnlySpan<byte> prefix)
    {
        int length = prefix.Length;
        while (length > 0 && prefix[length - 1] == 0xFF) length--;
        if (length == 0) return null;
        var bound = prefix[..length].ToArray();
        bound[length - 1]++;
        return bound;
    }
}
