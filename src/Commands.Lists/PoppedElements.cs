namespace RedisOnMySql.Commands.Lists;

/// <summary>What a multi-key pop took: the key it came from and the elements, in the order they left.</summary>
internal sealed record PoppedElements(byte[] Key, List<byte[]> Values);
