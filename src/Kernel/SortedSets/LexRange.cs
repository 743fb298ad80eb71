namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// A range of members as ZRANGEBYLEX, ZLEXCOUNT and ZREMRANGEBYLEX take it: "[x" inclusive, "(x" exclusive, "-" below
/// every member and "+" above every member, compared as raw bytes (memcmp, then length).
/// </summary>
public sealed record LexRange(LexBound Min, LexBound Max)
{
    public const string NotAStringRange = "ERR min or max not valid string range item";

    /// <summary>Redis's zslParseLexRange; null when a bound is none of the four forms.</summary>
    public static LexRange? Parse(byte[] min, byte[] max) =>
        LexBound.Parse(min) is { } low && LexBound.Parse(max) is { } high ? new LexRange(low, high) : null;

    /// <summary>No member can be inside: min above max, or equal with either end exclusive ("-" and "+" are exclusive).</summary>
    public bool IsEmpty
    {
        get
        {
            int order = LexBound.Compare(Min, Max);
            return order > 0 || (order == 0 && (Min.Exclusive || Max.Exclusive));
        }
    }

    public bool Contains(byte[] member)
    {
        var value = LexBound.Member(member);
        int low = LexBound.Compare(value, Min), high = LexBound.Compare(value, Max);
        return (Min.Exclusive ? low > 0 : low >= 0) && (Max.Exclusive ? high < 0 : high <= 0);
    }
}
