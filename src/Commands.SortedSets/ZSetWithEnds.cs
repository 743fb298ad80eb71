using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// A sorted set with the score all its members share, if they share one: lex ranges are meant for such sets, and then
/// read the index by that score (<see cref="ZSetQuery.ByLex"/>); with several scores they filter every member.
/// </summary>
internal readonly record struct ZSetWithEnds(ZSetKey Key, double? CommonScore);
