using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// A geohash cell as Redis numbers them: <see cref="Step"/> bits of the cell's row (latitude, the even bits of
/// <see cref="Bits"/>) interleaved with as many of its column (longitude, the odd bits). The cells of one step tile the
/// world, and the 52-bit scores of the points inside a cell are exactly those that start with its bits.
/// </summary>
internal readonly record struct GeoCell(ulong Bits, int Step)
{
    private const ulong LongitudeBits = 0xAAAAAAAAAAAAAAAAUL;
    private const ulong LatitudeBits = 0x5555555555555555UL;

    /// <summary>A neighbour Redis leaves out of a search (no bits and no step: its GZERO).</summary>
    public static readonly GeoCell None = default;

    public bool IsNone => Bits == 0 && Step == 0;

    /// <summary>The scores of the points inside: from the cell's bits aligned to 52 bits, up to the next cell's, excluded.</summary>
    public ScoreRange Scores
    {
        get
        {
            int shift = 52 - 2 * Step;
            return new ScoreRange(Bits << shift, false, (Bits + 1) << shift, true);
        }
    }

    public GeoCell North => MoveLatitude(1);
    public GeoCell South => MoveLatitude(-1);
    public GeoCell East => MoveLongitude(1);
    public GeoCell West => MoveLongitude(-1);
    public GeoCell NorthEast => MoveLongitude(1).MoveLatitude(1);
    public GeoCell NorthWest => MoveLongitude(-1).MoveLatitude(1);
    public GeoCell SouthEast => MoveLongitude(1).MoveLatitude(-1);
    public GeoCell SouthWest => MoveLongitude(-1).MoveLatitude(-1);

    private GeoCell MoveLongitude(int direction) => this with { Bits = Move(LongitudeBits, LatitudeBits, direction) };

    private GeoCell MoveLatitude(int direction) => this with { Bits = Move(LatitudeBits, LongitudeBits, direction) };

    /// <summary>
    /// Adds or subtracts one to the axis on the <paramref name="moving"/> bits, wrapping around at the edge of the world
    /// as Redis does: ones in the other axis's places carry the sum (or the borrow) across them.
    /// </summary>
    private ulong Move(ulong moving, ulong other, int direction)
    {
        int unused = 64 - 2 * Step;
        ulong axis = Bits & moving, kept = Bits & other, carriers = other >> unused;
        axis = direction > 0 ? axis + (carriers + 1) : (axis | carriers) - (carriers + 1);
        return (axis & (moving >> unused)) | kept;
    }
}
