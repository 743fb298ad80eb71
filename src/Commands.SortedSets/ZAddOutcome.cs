namespace RedisOnMySql.Commands.SortedSets;

/// <summary>What a <see cref="ZAddRequest"/> did: its reply (a count, a score, or null) and whether the key changed.</summary>
internal readonly record struct ZAddOutcome(object? Reply, bool Changed);
