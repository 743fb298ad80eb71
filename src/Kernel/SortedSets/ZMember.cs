using System.Security.Cryptography;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// A member as zset_members keys and orders it: its bytes, their SHA-256 (the identity, whatever the length) and the
/// first <see cref="ZSetTables.PrefixBytes"/> bytes (what the order index holds).
/// </summary>
public sealed class ZMember
{
    private ZMember(byte[] value, byte[] hash)
    {
        Value = value;
        Hash = hash;
    }

    public byte[] Value { get; }
    public byte[] Hash { get; }
    public byte[] Prefix => PrefixOf(Value);

    /// <summary>
    /// Whether other members may share this one's prefix: then the index cannot tell their order, and
    /// <see cref="ZSetReader"/> orders them by their full bytes.
    /// </summary>
    public bool IsLong => Value.Length >= ZSetTables.PrefixBytes;

    public static ZMember Of(byte[] value) => new(value, SHA256.HashData(value));

    /// <summary>A member read back from zset_members with its stored hash.</summary>
    public static ZMember Stored(byte[] value, byte[] hash) => new(value, hash);

    public static byte[] PrefixOf(byte[] value) =>
        value.Length <= ZSetTables.PrefixBytes ? value : value[..ZSetTables.PrefixBytes];

    /// <summary>The hash as a dictionary key.</summary>
    public string HashKey => Convert.ToHexString(Hash);
}
