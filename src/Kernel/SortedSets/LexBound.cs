namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>One end of a <see cref="LexRange"/>: a member's bytes, or the string below (-) or above (+) all of them.</summary>
public sealed record LexBound(LexBoundKind Kind, byte[] Value, bool Exclusive)
{
    public static LexBound Member(byte[] value) => new(LexBoundKind.Value, value, false);

    /// <summary>Redis's zslParseLexRangeItem (a C string: "+" and "-" may be followed by a NUL byte only).</summary>
    public static LexBound? Parse(byte[] item)
    {
        if (item.Length == 0) return null;
        bool alone = item.Length == 1 || item[1] == 0;
        return item[0] switch
        {
            (byte)'+' when alone => new LexBound(LexBoundKind.AboveAll, [], true),
            (byte)'-' when alone => new LexBound(LexBoundKind.BelowAll, [], true),
            (byte)'(' => new LexBound(LexBoundKind.Value, item[1..], true),
            (byte)'[' => new LexBound(LexBoundKind.Value, item[1..], false),
            _ => null,
        };
    }

    /// <summary>Redis's sdscmplex: "-" below and "+" above every string, each equal to itself; else bytes.</summary>
    public static int Compare(LexBound a, LexBound b)
    {
        if (a.Kind == b.Kind && a.Kind != LexBoundKind.Value) return 0;
        if (a.Kind == LexBoundKind.BelowAll || b.Kind == LexBoundKind.AboveAll) return -1;
        if (a.Kind == LexBoundKind.AboveAll || b.Kind == LexBoundKind.BelowAll) return 1;
        return a.Value.AsSpan().SequenceCompareTo(b.Value);
    }
}

public enum LexBoundKind
{
    BelowAll,
    Value,
    AboveAll,
}
