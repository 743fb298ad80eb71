using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.Geo;

/// <summary>A member a search found: the member and its score, the position the score decodes to, and its meters from the centre.</summary>
internal readonly record struct GeoMatch(ZMember Member, double Score, GeoPoint Position, double Distance);
