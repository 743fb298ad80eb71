namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// Redis's geohash arithmetic (geohash.c), to the bit: a point's score is its step-26 cell over longitudes ±180 and
/// latitudes ±85.05112878 (the Web Mercator limits), and the position Redis reports for a score is the centre of that
/// cell. The same operations run in the same order as in Redis, so every score, position and cell matches.
/// </summary>
internal static class GeoHash
{
    public const double LongitudeMin = -180;
    public const double LongitudeMax = 180;
    public const double LatitudeMin = -85.05112878;
    public const double LatitudeMax = 85.05112878;

    /// <summary>Bits per axis of a score: 26 of each, 52 in all, which a double holds exactly.</summary>
    public const int ScoreStep = 26;

    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    /// <summary>The score GEOADD gives a point (which <see cref="GeoPoint.TryParse"/> has checked is inside the area).</summary>
    public static double Score(GeoPoint point) => Encode(point, ScoreStep).Bits;

    /// <summary>
    /// The cell of <paramref name="step"/> bits per axis holding the point, over Redis's latitudes or, with
    /// <paramref name="latitudeMax"/> 90, the standard geohash's.
    /// </summary>
    public static GeoCell Encode(GeoPoint point, int step, double latitudeMax = LatitudeMax)
    {
        double latitudeOffset = (point.Latitude - -latitudeMax) / (latitudeMax - -latitudeMax);
        double longitudeOffset = (point.Longitude - LongitudeMin) / (LongitudeMax - LongitudeMin);
        latitudeOffset *= 1UL << step;
        longitudeOffset *= 1UL << step;
        return new GeoCell(Spread((uint)latitudeOffset) | Spread((uint)longitudeOffset) << 1, step);
    }

    /// <summary>The point Redis reports for a sorted-set score: the centre of its cell, whatever the score.</summary>
    public static GeoPoint Position(double score) => Centre(Bounds(new GeoCell(ToUInt64(score), ScoreStep)));

    /// <summary>The degrees a cell covers.</summary>
    public static GeoArea Bounds(GeoCell cell)
    {
        uint row = Compact(cell.Bits), column = Compact(cell.Bits >> 1);
        double cells = 1UL << cell.Step;
        const double latitudeScale = LatitudeMax - LatitudeMin, longitudeScale = LongitudeMax - LongitudeMin;
        return new GeoArea(
            LongitudeMin + column * 1.0 / cells * longitudeScale,
            LongitudeMin + unchecked(column + 1) * 1.0 / cells * longitudeScale,
            LatitudeMin + row * 1.0 / cells * latitudeScale,
            LatitudeMin + unchecked(row + 1) * 1.0 / cells * latitudeScale);
    }

    /// <summary>
    /// GEOHASH's 11 characters: the position re-encoded over the standard latitudes ±90, five bits a character, and a
    /// last character '0' for the bits a score does not have.
    /// </summary>
    public static void WriteStandard(GeoPoint position, Span<byte> destination)
    {
        ulong bits = Encode(position, ScoreStep, latitudeMax: 90).Bits;
        for (int i = 0; i < 10; i++) destination[i] = (byte)Alphabet[(int)(bits >> (52 - (i + 1) * 5)) & 0x1F];
        destination[10] = (byte)'0';
    }

    private static GeoPoint Centre(GeoArea area) => new(
        Math.Clamp((area.LongitudeMin + area.LongitudeMax) / 2, LongitudeMin, LongitudeMax),
        Math.Clamp((area.LatitudeMin + area.LatitudeMax) / 2, LatitudeMin, LatitudeMax));

    /// <summary>
    /// C's (uint64_t) cast of a double as gcc compiles it for x86-64, which Redis applies to any score it decodes: a
    /// negative score wraps around (two's complement of its integer part), a score of 2^64 or more, an infinity or
    /// below -2^63 gives the value the instruction returns for out of range. .NET's own cast saturates instead.
    /// </summary>
    private static ulong ToUInt64(double value)
    {
        const double TwoTo63 = 9223372036854775808.0;
        return value < TwoTo63 || double.IsNaN(value)
            ? (ulong)Truncate(value)
            : (ulong)Truncate(value - TwoTo63) ^ 0x8000000000000000UL;
    }

    /// <summary>cvttsd2si: the integer part, or long.MinValue when it does not fit (NaN included).</summary>
    private static long Truncate(double value) =>
        value >= -9223372036854775808.0 && value < 9223372036854775808.0 ? (long)value : long.MinValue;

    /// <summary>The bits of <paramref name="value"/> moved to the even places of a 64-bit word.</summary>
    private static ulong Spread(uint value)
    {
        ulong x = value;
        x = (x | x << 16) & 0x0000FFFF0000FFFFUL;
        x = (x | x << 8) & 0x00FF00FF00FF00FFUL;
        x = (x | x << 4) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | x << 2) & 0x3333333333333333UL;
        return (x | x << 1) & 0x5555555555555555UL;
    }

    /// <summary>The bits in the even places of <paramref name="bits"/>, packed together (the inverse of <see cref="Spread"/>).</summary>
    private static uint Compact(ulong bits)
    {
        ulong x = bits & 0x5555555555555555UL;
        x = (x | x >> 1) & 0x3333333333333333UL;
        x = (x | x >> 2) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | x >> 4) & 0x00FF00FF00FF00FFUL;
        x = (x | x >> 8) & 0x0000FFFF0000FFFFUL;
        return (uint)(x | x >> 16);
    }
}
