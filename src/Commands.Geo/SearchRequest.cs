using System.Text;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Geo;

/// <summary>
/// The arguments of GEORADIUS, GEORADIUSBYMEMBER (and their _RO forms), GEOSEARCH and GEOSEARCHSTORE, parsed as Redis's
/// georadiusGeneric parses them. Redis looks the source key up first and checks a FROMMEMBER member while it parses,
/// so which error a request gets depends on the key: parsing keeps its errors, and <see cref="Check"/> raises the one
/// Redis would once the key is known.
/// </summary>
internal sealed class SearchRequest
{
    private const string MemberNotFound = "ERR could not decode requested zset member";

    private readonly SearchForm _form;
    private readonly string _commandName;

    /// <summary>GEORADIUS's point or radius error, or GEORADIUSBYMEMBER's radius error: raised before the options'.</summary>
    private string? _shapeError;

    /// <summary>The first error of the options, which Redis parses one after the other up to the first bad one.</summary>
    private string? _optionError;

    private GeoPoint? _point;
    private bool _fromMember, _fromPoint, _byRadius, _byBox;

    private SearchRequest(SearchForm form, string commandName, byte[] source)
    {
        _form = form;
        _commandName = commandName;
        SourceKey = source;
    }

    public byte[] SourceKey { get; }

    /// <summary>GEOSEARCH or GEOSEARCHSTORE (whose stores raise "geosearchstore", where the others raise "georadiusstore").</summary>
    public bool IsSearch => _form.HasFlag(SearchForm.Search);

    /// <summary>The STORE, STOREDIST or GEOSEARCHSTORE destination; null when the matches are the reply.</summary>
    public byte[]? StoreKey { get; private set; }

    /// <summary>STOREDIST: the stored score is the distance in the unit, not the geohash.</summary>
    public bool StoreDistance { get; private set; }

    public bool WithDistance { get; private set; }
    public bool WithHash { get; private set; }
    public bool WithCoordinates { get; private set; }

    /// <summary>COUNT's value, 0 for none.</summary>
    public long Count { get; private set; }

    /// <summary>ANY: stop searching at <see cref="Count"/> matches.</summary>
    public bool Any { get; private set; }

    /// <summary>ASC, DESC or neither; COUNT without ANY sorts ascending, as Redis does (the nearest are the ones kept).</summary>
    public DistanceOrder Order => _order == DistanceOrder.None && Count != 0 && !Any ? DistanceOrder.Ascending : _order;
    private DistanceOrder _order;

    /// <summary>The members whose positions the request needs, in argument order: the centre is the last one's.</summary>
    public List<ZMember> Members { get; } = [];

    private bool _isBox;
    private double _radius, _width, _height;

    /// <summary>Meters per unit of the radius or box, which distances are replied (and STOREDIST stored) in.</summary>
    public double MetersPerUnit { get; private set; }

    public static SearchRequest Parse(CommandContext ctx, SearchForm form)
    {
        bool search = form.HasFlag(SearchForm.Search);
        int sourceIndex = form.HasFlag(SearchForm.SearchStore) ? 2 : 1;
        var request = new SearchRequest(form, Encoding.UTF8.GetString(ctx.Arg(0)), ctx.Arg(sourceIndex));
        int first;
        if (form.HasFlag(SearchForm.AroundPoint))
        {
            first = 6;
            request._point = GeoPoint.TryParse(ctx.Arg(2), ctx.Arg(3), out request._shapeError);
            if (request._shapeError is null) request._shapeError = request.ParseRadius(ctx.Arg(4), ctx.Arg(5));
        }
        else if (form.HasFlag(SearchForm.AroundMember))
        {
            first = 5;
            request.Members.Add(ZMember.Of(ctx.Arg(2)));
            request._shapeError = request.ParseRadius(ctx.Arg(3), ctx.Arg(4));
        }
        else
        {
            first = sourceIndex + 1;
            if (form.HasFlag(SearchForm.SearchStore)) request.StoreKey = ctx.Arg(1);
        }
        request._optionError = request.ParseOptions(ctx, first, search);
        return request;
    }

    /// <summary>
    /// Raises the error Redis answers, in its order, now that the source key's existence (and the requested members')
    /// is known: GEORADIUSBYMEMBER's member, then the point or radius, then the options (a FROMMEMBER member before the
    /// first bad option), then the combinations of options. GEORADIUSBYMEMBER of a missing key parses no radius.
    /// </summary>
    public void Check(bool sourceExists, Func<ZMember, bool> isMember)
    {
        bool aroundMember = _form.HasFlag(SearchForm.AroundMember);
        if (sourceExists && Members.Any(m => !isMember(m))) throw new RedisException(MemberNotFound);
        if (_shapeError is not null && (sourceExists || !aroundMember)) throw new RedisException(_shapeError);
        if (_optionError is not null) throw new RedisException(_optionError);
        if (StoreKey is not null && (WithDistance || WithHash || WithCoordinates))
        {
            var option = _form.HasFlag(SearchForm.SearchStore) ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS";
            throw RedisException.Err($"{option} is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        }
        if (_form.HasFlag(SearchForm.Search) && !(_fromMember || _fromPoint))
            throw RedisException.Err($"exactly one of FROMMEMBER or FROMLONLAT can be specified for {_commandName}");
        if (_form.HasFlag(SearchForm.Search) && !(_byRadius || _byBox))
            throw RedisException.Err($"exactly one of BYRADIUS and BYBOX can be specified for {_commandName}");
        if (Any && Count == 0) throw RedisException.Err("the ANY argument requires COUNT argument");
        // Not Redis's: the keyspace holds no longer key (the command table checks only fixed key positions).
        if (StoreKey?.Length > KeyspaceLimits.MaxKeyBytes) throw new RedisException(KeyspaceLimits.KeyTooLong);
    }

    /// <summary>The area to search, centred on <see cref="Members"/>' last position or on the given point.</summary>
    public SearchShape Shape(Func<ZMember, double> scoreOf)
    {
        var centre = Members.Count > 0 ? GeoHash.Position(scoreOf(Members[^1])) : _point!.Value;
        return new SearchShape(centre, _isBox, _radius, _width, _height, MetersPerUnit);
    }

    /// <summary>The options from <paramref name="first"/> on; the first error, or null.</summary>
    private string? ParseOptions(CommandContext ctx, int first, bool search)
    {
        bool allowsStore = !_form.HasFlag(SearchForm.NoStore) && !search;
        for (int i = first; i < ctx.Count; i++)
        {
            byte[] option = ctx.Arg(i);
            int left = ctx.Count - i - 1;
            if (CText.Is(option, "withdist")) WithDistance = true;
            else if (CText.Is(option, "withhash")) WithHash = true;
            else if (CText.Is(option, "withcoord")) WithCoordinates = true;
            else if (CText.Is(option, "any")) Any = true;
            else if (CText.Is(option, "asc")) _order = DistanceOrder.Ascending;
            else if (CText.Is(option, "desc")) _order = DistanceOrder.Descending;
            else if (CText.Is(option, "count") && left >= 1)
            {
                if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out long count)) return RedisErrors.NotInteger;
                if (count <= 0) return "ERR COUNT must be > 0";
                Count = count;
            }
            else if ((CText.Is(option, "store") || CText.Is(option, "storedist")) && left >= 1 && allowsStore)
            {
                StoreDistance = CText.Is(option, "storedist");
                StoreKey = ctx.Arg(++i);
            }
            else if (CText.Is(option, "storedist") && _form.HasFlag(SearchForm.SearchStore)) StoreDistance = true;
            else if (CText.Is(option, "frommember") && left >= 1 && search && !_fromPoint)
            {
                // Checked once the key is read (Check); a second FROMMEMBER moves the centre, as in Redis.
                Members.Add(ZMember.Of(ctx.Arg(++i)));
                _fromMember = true;
            }
            else if (CText.Is(option, "fromlonlat") && left >= 2 && search && !_fromMember)
            {
                _point = GeoPoint.TryParse(ctx.Arg(i + 1), ctx.Arg(i + 2), out var error);
                if (error is not null) return error;
                _fromPoint = true;
                i += 2;
            }
            else if (CText.Is(option, "byradius") && left >= 2 && search && !_byBox)
            {
                if (ParseRadius(ctx.Arg(i + 1), ctx.Arg(i + 2)) is { } error) return error;
                _byRadius = true;
                i += 2;
            }
            else if (CText.Is(option, "bybox") && left >= 3 && search && !_byRadius)
            {
                if (ParseBox(ctx.Arg(i + 1), ctx.Arg(i + 2), ctx.Arg(i + 3)) is { } error) return error;
                _byBox = true;
                i += 3;
            }
            else return RedisErrors.Syntax;
        }
        return null;
    }

    /// <summary>Redis's extractDistanceOrReply: a radius of at least 0 and its unit; the error, or null.</summary>
    private string? ParseRadius(byte[] radius, byte[] unit)
    {
        if (!ScoreText.TryParse(radius, out double value)) return "ERR need numeric radius";
        if (value < 0) return "ERR radius cannot be negative";
        if (DistanceUnit.MetersPer(unit) is not { } metersPerUnit) return DistanceUnit.Unsupported;
        (_isBox, _radius, MetersPerUnit) = (false, value, metersPerUnit);
        return null;
    }

    /// <summary>Redis's extractBoxOrReply: a width and a height of at least 0 and their unit; the error, or null.</summary>
    private string? ParseBox(byte[] width, byte[] height, byte[] unit)
    {
        if (!ScoreText.TryParse(width, out double w)) return "ERR need numeric width";
        if (!ScoreText.TryParse(height, out double h)) return "ERR need numeric height";
        if (h < 0 || w < 0) return "ERR height or width cannot be negative";
        if (DistanceUnit.MetersPer(unit) is not { } metersPerUnit) return DistanceUnit.Unsupported;
        (_isBox, _width, _height, MetersPerUnit) = (true, w, h, metersPerUnit);
        return null;
    }
}
