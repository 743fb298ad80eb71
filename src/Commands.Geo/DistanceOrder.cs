namespace RedisOnMySql.Commands.Geo;

/// <summary>How a search orders its matches: as its cells were read (neither ASC nor DESC), or by distance.</summary>
internal enum DistanceOrder
{
    None,
    Ascending,
    Descending,
}
