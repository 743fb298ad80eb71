namespace RedisOnMySql.Kernel.Events;

/// <summary>
/// Where a poller is in the feed. Auto-increment ids are handed out at insert time but become visible at commit, so
/// a reader that only asks for ids above the highest it has seen would lose an event whose transaction took a smaller
/// id and committed later. The cursor therefore remembers every id it skipped over (a gap) and asks for those again,
/// until they appear (delivered once) or are older than <see cref="GapTimeoutMs"/> (a rolled-back insert, or a
/// transaction far longer than any this proxy runs). At most <see cref="MaxGaps"/> gaps are kept, the oldest go first.
/// </summary>
public sealed class EventCursor
{
    public const int MaxGaps = 64;
    public const long GapTimeoutMs = 10_000;

    private readonly SortedDictionary<ulong, long> _gaps = new();

    /// <summary>False until the first poll placed the cursor; then <see cref="After"/> is meaningful.</summary>
    public bool Started { get; private set; }

    /// <summary>The highest id seen.</summary>
    public ulong After { get; private set; }

    /// <summary>Ids below <see cref="After"/> not seen yet, in id order.</summary>
    public IReadOnlyCollection<ulong> Gaps => _gaps.Keys;

    /// <summary>Places the cursor just before <paramref name="firstId"/>, the oldest id of the first poll.</summary>
    public void Start(ulong firstId)
    {
        After = firstId == 0 ? 0 : firstId - 1;
        Started = true;
    }

    /// <summary>Takes an id read by a poll (in id order); true when it is new and must be delivered.</summary>
    public bool Accept(ulong id, long nowMs)
    {
        if (_gaps.Remove(id)) return true;
        if (id <= After) return false;
        // Only the ids just below this one can still be in flight in a way worth waiting for.
        ulong from = Math.Max(After + 1, id > MaxGaps ? id - MaxGaps : 1);
        for (ulong missing = from; missing < id; missing++) _gaps[missing] = nowMs;
        After = id;
        TrimGaps(nowMs);
        return true;
    }

    /// <summary>
    /// Forgets gaps older than the timeout, and the oldest beyond <see cref="MaxGaps"/>. The cursor passes ids in
    /// order, so a smaller gap was never noticed later than a bigger one: only the front needs looking at.
    /// </summary>
    public void TrimGaps(long nowMs)
    {
        while (_gaps.Count > 0)
        {
            var (id, noticed) = _gaps.First();
            if (nowMs - noticed <= GapTimeoutMs && _gaps.Count <= MaxGaps) return;
            _gaps.Remove(id);
        }
    }
}
