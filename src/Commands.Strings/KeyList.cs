using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Strings;

/// <summary>The distinct keys of a multi-key command, in byte order, which is also the order rows get locked in.</summary>
internal sealed class KeyList
{
    private KeyList(List<byte[]> keys) => Keys = keys;

    public List<byte[]> Keys { get; }

    public static KeyList Sorted(IEnumerable<byte[]> keys)
    {
        var distinct = new HashSet<byte[]>(keys, KeyBytesComparer.Instance).ToList();
        distinct.Sort(KeyBytesComparer.Instance);
        return new KeyList(distinct);
    }
}
