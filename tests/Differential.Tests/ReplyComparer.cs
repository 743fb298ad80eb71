namespace RedisOnMySql.Differential.Tests;

/// <summary>Decides whether the proxy's reply matches redis-server's under a line's <see cref="ReplyComparison"/>.</summary>
public static class ReplyComparer
{
    public static bool Matches(ReplyComparison comparison, byte[] expected, byte[] actual) => comparison switch
    {
        ReplyComparison.Exact => expected.AsSpan().SequenceEqual(actual),
        ReplyComparison.Unordered => Canonical(RespReply.Parse(expected)).SequenceEqual(Canonical(RespReply.Parse(actual))),
        ReplyComparison.Shape => SameShape(RespReply.Parse(expected), RespReply.Parse(actual)),
        ReplyComparison.UnorderedScan => ScanMatches(RespReply.Parse(expected), RespReply.Parse(actual)),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>The reply with every array's elements sorted by their own canonical bytes.</summary>
    private static byte[] Canonical(RespReply reply)
    {
        if (!reply.IsArray || reply.Elements == null) return reply.Raw;
        var header = reply.Raw.AsSpan(0, reply.Raw.AsSpan().IndexOf("\r\n"u8) + 2).ToArray();
        var elements = reply.Elements.Select(Canonical).Order(ByteOrder.Instance);
        return [.. header, .. elements.SelectMany(e => e)];
    }

    /// <summary>
    /// Same type; bulk strings both nil or both not; arrays both nil or of the same length with elements of the same
    /// shape pairwise (a random reply's elements vary in value, not in kind).
    /// </summary>
    private static bool SameShape(RespReply expected, RespReply actual)
    {
        if (expected.Type != actual.Type) return false;
        if (expected.Type == (byte)'$') return (expected.Bulk == null) == (actual.Bulk == null);
        if (!expected.IsArray) return true;
        if (expected.Elements == null || actual.Elements == null) return expected.Elements == actual.Elements;
        return expected.Elements.Count == actual.Elements.Count
            && expected.Elements.Zip(actual.Elements).All(pair => SameShape(pair.First, pair.Second));
    }

    /// <summary>[cursor, elements]: cursors differ legitimately between servers; anything else is compared exactly.</summary>
    private static bool ScanMatches(RespReply expected, RespReply actual)
    {
        if (!IsScanReply(expected) || !IsScanReply(actual)) return expected.Raw.AsSpan().SequenceEqual(actual.Raw);
        return SameShape(expected.Elements![0], actual.Elements![0])
            && Canonical(expected.Elements[1]).SequenceEqual(Canonical(actual.Elements[1]));
    }

    private static bool IsScanReply(RespReply reply) => reply.IsArray && reply.Elements is { Count: 2 };

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
