namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// Redis's sortCompare: numbers by weight, equal weights by the elements' bytes; ALPHA by the BY values (a missing one
/// first) or by the elements. Without STORE Redis compares text with strcoll, which in the C locale Redis runs with is
/// strcmp (bytes up to the first NUL); with STORE it compares the whole byte strings.
/// </summary>
public sealed class SortItemComparer(bool alpha, bool byPattern, bool binary) : IComparer<SortItem>
{
    public int Compare(SortItem a, SortItem b)
    {
        if (!alpha)
        {
            if (a.Score > b.Score) return 1;
            if (a.Score < b.Score) return -1;
            return Math.Sign(a.Element.AsSpan().SequenceCompareTo(b.Element));
        }
        if (!byPattern) return Text(a.Element, b.Element);
        if (a.CompareBy is null || b.CompareBy is null)
            return a.CompareBy == b.CompareBy ? 0 : a.CompareBy is null ? -1 : 1;
        return Text(a.CompareBy, b.CompareBy);
    }

    private int Text(byte[] a, byte[] b) => binary
        ? Math.Sign(a.AsSpan().SequenceCompareTo(b))
        : Math.Sign(UpToNul(a).SequenceCompareTo(UpToNul(b)));

    private static ReadOnlySpan<byte> UpToNul(byte[] text)
    {
        int nul = Array.IndexOf(text, (byte)0);
        return nul < 0 ? text : text.AsSpan(0, nul);
    }
}
