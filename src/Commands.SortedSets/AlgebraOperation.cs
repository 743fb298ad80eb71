namespace RedisOnMySql.Commands.SortedSets;

/// <summary>The algebra of ZUNION*, ZINTER* (and ZINTERCARD) and ZDIFF*.</summary>
internal enum AlgebraOperation
{
    Union,
    Inter,
    Diff,
}
