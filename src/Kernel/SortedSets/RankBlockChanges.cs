using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// What one transaction did to a sorted set's order, kept by <see cref="LockedZSet"/> to bring its
/// <see cref="RankBlocks"/> up to date after writing the members: a member added or removed at a position, or a range
/// of positions removed at once (whose blocks are counted again).
/// </summary>
internal sealed class RankBlockChanges
{
    private readonly List<(ZPosition Position, int Delta)> _moves = new();
    private ZPosition? _removedFrom;
    private ZPosition? _removedTo;

    public void Added(ZMember member, double score) => _moves.Add((ZPosition.Of(member, score), 1));

    public void Removed(ZMember member, double score) => _moves.Add((ZPosition.Of(member, score), -1));

    /// <summary>Members anywhere from <paramref name="from"/> to <paramref name="to"/> (inclusive) were removed.</summary>
    public void RemovedBetween(ZPosition from, ZPosition to)
    {
        _removedFrom = _removedFrom is { } f && f.CompareTo(from) < 0 ? f : from;
        _removedTo = _removedTo is { } t && t.CompareTo(to) > 0 ? t : to;
    }

    /// <summary>
    /// Brings the blocks of <paramref name="keyId"/> in line with the members written so far: builds them for a set
    /// that reached <see cref="RankBlocks.Threshold"/>, drops them below <see cref="RankBlocks.DropBelow"/>, and
    /// otherwise moves the counts, counts removed ranges again, splits blocks grown too large and drops emptied ones.
    /// <paramref name="hadBlocks"/> says whether the key had blocks before the transaction.
    /// </summary>
    public async Task SaveAsync(ISqlRunner tx, long keyId, bool hadBlocks, long size)
    {
        try
        {
            if (!hadBlocks)
            {
                if (size >= RankBlocks.Threshold)
                    await tx.ExecuteAsync(RankBlockStatements.Build, keyId, RankBlocks.ZeroHash, RankBlocks.BuildSize).ConfigureAwait(false);
                return;
            }
            if (size < RankBlocks.DropBelow)
            {
                await tx.ExecuteAsync(RankBlockStatements.DeleteAll, keyId).ConfigureAwait(false);
                return;
            }
            if (_moves.Count > 0)
                await tx.ExecuteAllAsync(_moves.Select(m => (RankBlockStatements.Adjust, (object?[])[m.Delta, keyId, .. m.Position.Values]))
                    .ToList()).ConfigureAwait(false);
            if (_removedFrom is { } from && _removedTo is { } to) await RecountAsync(tx, keyId, from, to).ConfigureAwait(false);
            if (_removedFrom is not null || _moves.Any(m => m.Delta < 0))
                await tx.ExecuteAsync(RankBlockStatements.DeleteEmpty, keyId).ConfigureAwait(false);
            if (_moves.Any(m => m.Delta > 0)) await SplitAsync(tx, keyId).ConfigureAwait(false);
        }
        finally
        {
            _moves.Clear();
            _removedFrom = _removedTo = null;
        }
    }

    /// <summary>Counts again every block that holds a position from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static async Task RecountAsync(ISqlRunner tx, long keyId, ZPosition from, ZPosition to)
    {
        var blocks = await tx.QueryListAsync(RankBlockStatements.SelectAll, r => ZPosition.Read(r, 0), keyId).ConfigureAwait(false);
        int first = Math.Max(0, blocks.FindLastIndex(b => b.CompareTo(from) <= 0));
        int last = Math.Max(first, blocks.FindLastIndex(b => b.CompareTo(to) <= 0));
        var recounts = new List<(Statement, object?[])>();
        for (int i = first; i <= last; i++)
            recounts.Add(i + 1 < blocks.Count
                ? (RankBlockStatements.Recount, [keyId, .. blocks[i].Values, .. blocks[i + 1].Values])
                : (RankBlockStatements.RecountLast, [keyId, .. blocks[i].Values]));
        await tx.ExecuteAllAsync(recounts).ConfigureAwait(false);
    }

    /// <summary>Halves every block past <see cref="RankBlocks.MaxSize"/> at its middle member, until none is.</summary>
    private static async Task SplitAsync(ISqlRunner tx, long keyId)
    {
        while (true)
        {
            var oversized = await tx.QueryListAsync(RankBlockStatements.SelectOversized,
                r => (Start: ZPosition.Read(r, 0), Size: Convert.ToInt64(r.GetValue(4))), keyId, RankBlocks.MaxSize).ConfigureAwait(false);
            if (oversized.Count == 0) return;
            foreach (var (start, size) in oversized)
            {
                long half = size / 2;
                var middle = await tx.QueryFirstAsync(RankBlockStatements.MemberAfter, r => ZPosition.Read(r, 0),
                    [keyId, .. start.Values, half]).ConfigureAwait(false);
                if (middle.Hash is null)
                {
                    // Fewer members than the count says: the counts are out of step, so cut the blocks anew.
                    await tx.ExecuteAsync(RankBlockStatements.DeleteAll, keyId).ConfigureAwait(false);
                    await tx.ExecuteAsync(RankBlockStatements.Build, keyId, RankBlocks.ZeroHash, RankBlocks.BuildSize).ConfigureAwait(false);
                    return;
                }
                await tx.ExecuteAllAsync(
                [
                    (RankBlockStatements.Insert, [keyId, .. middle.Values, size - half]),
                    (RankBlockStatements.Resize, [half, keyId, .. start.Values]),
                ]).ConfigureAwait(false);
            }
        }
    }
}
