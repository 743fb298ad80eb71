namespace RedisOnMySql.Commands.SortedSets;

/// <summary>How a range command names its members: by rank, by score or by lex.</summary>
internal enum RangeKind
{
    Rank,
    Score,
    Lex,
}
