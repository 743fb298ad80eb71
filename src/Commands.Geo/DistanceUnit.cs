namespace RedisOnMySql.Commands.Geo;

/// <summary>The units of Redis's geo commands, as meters per unit (extractUnitOrReply).</summary>
internal static class DistanceUnit
{
    public const string Unsupported = "ERR unsupported unit provided. please use M, KM, FT, MI";

    /// <summary>Meters per <paramref name="unit"/> (m, km, ft, mi, any case); null for any other text.</summary>
    public static double? MetersPer(byte[] unit) =>
        CText.Is(unit, "m") ? 1
        : CText.Is(unit, "km") ? 1000
        : CText.Is(unit, "ft") ? 0.3048
        : CText.Is(unit, "mi") ? 1609.34
        : null;
}
