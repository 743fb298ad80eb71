namespace RedisOnMySql.Commands.Geo;

/// <summary>The degrees a <see cref="GeoCell"/> covers, or a search's bounding box.</summary>
internal readonly record struct GeoArea(double LongitudeMin, double LongitudeMax, double LatitudeMin, double LatitudeMax);
