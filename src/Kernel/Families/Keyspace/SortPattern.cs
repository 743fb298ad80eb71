namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// A BY or GET pattern of SORT, split as Redis splits it: <c>#</c> is the element itself; otherwise the first <c>*</c>
/// is replaced by the element to name a key, and a non-empty <c>-&gt;field</c> after the star names a field of that
/// key's hash. A pattern without a star names no key (BY then means "do not sort", GET answers nil).
/// </summary>
public sealed class SortPattern
{
    private readonly byte[] _prefix = [];
    private readonly byte[] _postfix = [];

    private SortPattern(bool isElement, bool hasStar)
    {
        IsElement = isElement;
        HasStar = hasStar;
    }

    private SortPattern(byte[] prefix, byte[] postfix, byte[]? field) : this(false, true)
    {
        _prefix = prefix;
        _postfix = postfix;
        Field = field;
    }

    /// <summary>The pattern <c>#</c>.</summary>
    public bool IsElement { get; }

    /// <summary>Whether the pattern has a star, without which it names no key.</summary>
    public bool HasStar { get; }

    /// <summary>The hash field to read, or null to read a string key.</summary>
    public byte[]? Field { get; }

    public static SortPattern Parse(byte[] pattern)
    {
        if (pattern is [(byte)'#']) return new SortPattern(isElement: true, hasStar: false);
        int star = pattern.AsSpan().IndexOf((byte)'*');
        if (star < 0) return new SortPattern(isElement: false, hasStar: false);
        int arrow = pattern.AsSpan(star + 1).IndexOf("->"u8);
        int fieldStart = arrow < 0 ? -1 : star + 1 + arrow + 2;
        bool hasField = fieldStart > 0 && fieldStart < pattern.Length;
        return new SortPattern(
            pattern[..star],
            hasField ? pattern[(star + 1)..(fieldStart - 2)] : pattern[(star + 1)..],
            hasField ? pattern[fieldStart..] : null);
    }

    /// <summary>The key this pattern names for <paramref name="element"/>.</summary>
    public byte[] KeyFor(byte[] element) => [.. _prefix, .. element, .. _postfix];
}
