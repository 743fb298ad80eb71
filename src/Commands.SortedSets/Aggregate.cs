namespace RedisOnMySql.Commands.SortedSets;

/// <summary>How ZUNION and ZINTER combine the weighted scores a member has in several inputs (AGGREGATE).</summary>
internal enum Aggregate
{
    Sum,
    Min,
    Max,
}
