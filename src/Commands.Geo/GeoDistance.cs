namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// Redis's distances (geohash_helper.c): the haversine great-circle distance on a sphere of Redis's earth radius, with
/// its shortcut along a meridian. Same operations in the same order, on the same C library's sin, cos and asin, so the
/// meters are Redis's to the last bit.
/// </summary>
internal static class GeoDistance
{
    /// <summary>Redis's EARTH_RADIUS_IN_METERS.</summary>
    public const double EarthRadiusMeters = 6372797.560856;

    public const double RadiansPerDegree = Math.PI / 180.0;

    /// <summary>Meters between two points.</summary>
    public static double Between(GeoPoint from, GeoPoint to)
    {
        double fromLongitude = from.Longitude * RadiansPerDegree, toLongitude = to.Longitude * RadiansPerDegree;
        double v = Math.Sin((toLongitude - fromLongitude) / 2);
        // Redis skips the rest when the longitudes are (practically) the same.
        if (v == 0.0) return AlongMeridian(from.Latitude, to.Latitude);
        double fromLatitude = from.Latitude * RadiansPerDegree, toLatitude = to.Latitude * RadiansPerDegree;
        double u = Math.Sin((toLatitude - fromLatitude) / 2);
        double a = u * u + Math.Cos(fromLatitude) * Math.Cos(toLatitude) * v * v;
        return 2.0 * EarthRadiusMeters * Math.Asin(Math.Sqrt(a));
    }

    /// <summary>Meters between two latitudes on one meridian.</summary>
    public static double AlongMeridian(double fromLatitude, double toLatitude) =>
        EarthRadiusMeters * Math.Abs(toLatitude * RadiansPerDegree - fromLatitude * RadiansPerDegree);
}
