namespace RedisOnMySql.Commands.Strings.Bitmaps;

/// <summary>
/// The few byte ranges of a string that BITFIELD's fields cover, merged where they overlap or meet: each window is
/// read once, edited in memory by the operations in order, and written back whole, however far apart the fields are.
/// </summary>
internal sealed class SparseBytes
{
    private readonly List<Window> _windows;

    private SparseBytes(List<Window> windows) => _windows = windows;

    public IReadOnlyList<Window> Windows => _windows;

    /// <summary>Windows covering the inclusive byte ranges <paramref name="ranges"/>.</summary>
    public static SparseBytes Covering(IEnumerable<(long First, long Last)> ranges)
    {
        var windows = new List<Window>();
        long start = 0, last = -1;
        foreach (var range in ranges.OrderBy(r => r.First))
        {
            if (range.First > last + 1)
            {
                if (last >= start) windows.Add(new Window(start, (int)(last - start + 1)));
                start = range.First;
            }
            last = Math.Max(last, range.Last);
        }
        if (last >= start) windows.Add(new Window(start, (int)(last - start + 1)));
        return new SparseBytes(windows);
    }

    /// <summary>Bytes <paramref name="first"/> to <paramref name="last"/>, which one window covers.</summary>
    public Span<byte> Slice(long first, long last)
    {
        int lo = 0, hi = _windows.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_windows[mid].Start <= first) lo = mid;
            else hi = mid - 1;
        }
        var window = _windows[lo];
        return window.Bytes.AsSpan((int)(first - window.Start), (int)(last - first + 1));
    }

    /// <summary>Consecutive bytes from <see cref="Start"/>: zeros until <see cref="Load"/>ed.</summary>
    public sealed class Window(long start, int length)
    {
        private byte[] _loaded = new byte[length];

        public long Start { get; } = start;

        public byte[] Bytes { get; } = new byte[length];

        /// <summary>Takes the stored bytes, which may stop short of the window's end (the string is shorter).</summary>
        public void Load(ReadOnlySpan<byte> stored)
        {
            stored.CopyTo(Bytes);
            _loaded = (byte[])Bytes.Clone();
        }

        /// <summary>Whether the first <paramref name="count"/> bytes differ from what was loaded.</summary>
        public bool Changed(int count) => !Bytes.AsSpan(0, count).SequenceEqual(_loaded.AsSpan(0, count));
    }
}
