namespace RedisOnMySql.Commands.Sets;

/// <summary>The set algebra of SINTER*, SUNION* and SDIFF*.</summary>
internal enum SetOperation
{
    Inter,
    Union,
    Diff,
}
