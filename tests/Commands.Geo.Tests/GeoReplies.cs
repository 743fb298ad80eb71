using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>Expected RESP2 replies of the geo commands, written compactly.</summary>
public static class GeoReplies
{
    /// <summary>A position as GEOPOS and WITHCOORD reply it: a two-element array of longitude and latitude.</summary>
    public static string Position(string longitude, string latitude) => "*2\r\n" + Bulk(longitude) + Bulk(latitude);

    public const string Palermo = "*2\r\n$20\r\n13.36138933897018433\r\n$20\r\n38.11555639549629859\r\n";
    public const string Catania = "*2\r\n$20\r\n15.08726745843887329\r\n$20\r\n37.50266842333162032\r\n";
}
