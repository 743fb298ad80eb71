using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>What a pop took: the key it came from and the members with their scores, in the order they left.</summary>
internal sealed record PoppedEntries(byte[] Key, List<ZEntry> Entries);
