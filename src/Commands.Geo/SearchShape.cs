namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// The area a search covers, as Redis's GeoShape: a circle of <see cref="Radius"/> or an axis-aligned box of
/// <see cref="Width"/> × <see cref="Height"/> around <see cref="Centre"/>, sizes in the unit of <see cref="MetersPerUnit"/>.
/// </summary>
internal sealed record SearchShape(GeoPoint Centre, bool IsBox, double Radius, double Width, double Height, double MetersPerUnit)
{
    /// <summary>
    /// Whether the point of a sorted-set score lies in the area, as Redis's geoWithinShape decides it, and its distance
    /// from the centre in meters. A box holds a point whose latitude is at most half the height away along the meridian
    /// and whose longitude is at most half the width away along the point's parallel.
    /// </summary>
    public bool Contains(double score, out GeoPoint position, out double distance)
    {
        position = GeoHash.Position(score);
        distance = 0;
        if (!IsBox)
        {
            distance = GeoDistance.Between(Centre, position);
            return !(distance > Radius * MetersPerUnit);
        }
        if (GeoDistance.AlongMeridian(position.Latitude, Centre.Latitude) > Height * MetersPerUnit / 2) return false;
        if (GeoDistance.Between(position, Centre with { Latitude = position.Latitude }) > Width * MetersPerUnit / 2) return false;
        distance = GeoDistance.Between(Centre, position);
        return true;
    }

    /// <summary>The meters from the centre to the farthest edge the cells must cover (the corner of a box).</summary>
    public double ReachMeters => (IsBox ? Math.Sqrt(Width / 2 * (Width / 2) + Height / 2 * (Height / 2)) : Radius) * MetersPerUnit;

    /// <summary>
    /// Redis's geohashBoundingBox: the degrees within reach north and south, and east and west along the parallel nearer
    /// the equator (the wider one), on each side of the centre.
    /// </summary>
    public GeoArea BoundingBox()
    {
        double halfHeight = MetersPerUnit * (IsBox ? Height / 2 : Radius);
        double halfWidth = MetersPerUnit * (IsBox ? Width / 2 : Radius);
        double latitude = Centre.Latitude, longitude = Centre.Longitude;
        double latitudeDelta = halfHeight / GeoDistance.EarthRadiusMeters / GeoDistance.RadiansPerDegree;
        double longitudeDeltaTop = halfWidth / GeoDistance.EarthRadiusMeters
            / Math.Cos((latitude + latitudeDelta) * GeoDistance.RadiansPerDegree) / GeoDistance.RadiansPerDegree;
        double longitudeDeltaBottom = halfWidth / GeoDistance.EarthRadiusMeters
            / Math.Cos((latitude - latitudeDelta) * GeoDistance.RadiansPerDegree) / GeoDistance.RadiansPerDegree;
        double longitudeDelta = latitude < 0 ? longitudeDeltaBottom : longitudeDeltaTop;
        return new GeoArea(longitude - longitudeDelta, longitude + longitudeDelta, latitude - latitudeDelta, latitude + latitudeDelta);
    }
}
