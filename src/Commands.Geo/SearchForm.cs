namespace RedisOnMySql.Commands.Geo;

/// <summary>The syntax of one of the search commands, as the flags of Redis's georadiusGeneric.</summary>
[Flags]
internal enum SearchForm
{
    /// <summary>GEORADIUS[_RO]: the key, then a longitude, a latitude, a radius and its unit.</summary>
    AroundPoint = 1,

    /// <summary>GEORADIUSBYMEMBER[_RO]: the key, then a member, a radius and its unit.</summary>
    AroundMember = 2,

    /// <summary>The _RO forms: no STORE or STOREDIST option.</summary>
    NoStore = 4,

    /// <summary>GEOSEARCH and GEOSEARCHSTORE: the centre and the shape are options (FROMMEMBER, FROMLONLAT, BYRADIUS, BYBOX).</summary>
    Search = 8,

    /// <summary>GEOSEARCHSTORE: the destination comes first, and STOREDIST is a bare option.</summary>
    SearchStore = 16,
}
