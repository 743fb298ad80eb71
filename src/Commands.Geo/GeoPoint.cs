using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.Geo;

/// <summary>A position in degrees, longitude first as Redis takes and prints it.</summary>
internal readonly record struct GeoPoint(double Longitude, double Latitude)
{
    /// <summary>
    /// Redis's extractLongLatOrReply: two string2d numbers, the longitude then the latitude, inside the area a geohash
    /// covers; null with Redis's error text otherwise.
    /// </summary>
    public static GeoPoint? TryParse(byte[] longitude, byte[] latitude, out string? error)
    {
        error = null;
        if (!ScoreText.TryParse(longitude, out double lon) || !ScoreText.TryParse(latitude, out double lat))
        {
            error = RedisErrors.NotFloat;
            return null;
        }
        if (lon < GeoHash.LongitudeMin || lon > GeoHash.LongitudeMax || lat < GeoHash.LatitudeMin || lat > GeoHash.LatitudeMax)
        {
            error = $"ERR invalid longitude,latitude pair {GeoText.Fixed(lon, 6)},{GeoText.Fixed(lat, 6)}";
            return null;
        }
        return new GeoPoint(lon, lat);
    }
}
