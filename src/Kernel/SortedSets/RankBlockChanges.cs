using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// What one transaction did to a sorted set's order, kept by <see cref="LockedZSet"/> to bring its
/// <see cref="RankBlocks"/> up to date after writing the members: a member added or removed at a position, or a range
/// of positions removed at once (whose blocks are counted again).
/// </summary>
internal sealed class RankBlockChanges
{
    /// <summary>Up to this many moves are one statement each; more are added up per block in the proxy first.</summary>
    private const int FewMoves = 32;

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
            if (_moves.Count > FewMoves) await MoveManyAsync(tx, keyId).ConfigureAwait(false);
            else if (_moves.Count > 0) await MoveFewAsync(tx, keyId).ConfigureAwait(false);
            if (_removedFrom is { } from && _removedTo is { } to)
            {
                await RecountAsync(tx, keyId, from, to).ConfigureAwait(false);
                await tx.ExecuteAsync(RankBlockStatements.DeleteEmpty, keyId).ConfigureAwait(false);
            }
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

    /// <summary>
    /// A few moves: one statement each finds and counts its block, then one read of those blocks finds any now too large
    /// or empty; each block is found through the primary key, so this costs O(log n) per move.
    /// </summary>
    private async Task MoveFewAsync(ISqlRunner tx, long keyId)
    {
        await tx.ExecuteAllAsync(_moves.Select(m => (RankBlockStatements.Adjust, (object?[])[m.Delta, keyId, .. m.Position.Values]))
            .ToList()).ConfigureAwait(false);
        var positions = _moves.Select(m => m.Position).ToList();
        var touched = await tx.QueryListAsync(RankBlockStatements.BlocksAt(InListShape.For(positions.Count)),
            r => (Start: ZPosition.Read(r, 0), Size: Convert.ToInt64(r.GetValue(4))),
            [keyId, .. InListShape.Padded(positions).SelectMany(p => p.Values)]).ConfigureAwait(false);
        // Moves in one block find it once each: split or drop it once.
        await FixBoundsAsync(tx, keyId, touched.DistinctBy(b => (b.Start.Inf, b.Start.Score, Convert.ToHexString(b.Start.Prefix), Convert.ToHexString(b.Start.Hash)))
            .Where(b => b.Size > RankBlocks.MaxSize || (b.Size == 0 && b.Start.Inf > -2)).ToList()).ConfigureAwait(false);
    }

    /// <summary>Many moves (a ZADD of thousands): every block read once, the moves added up per block, the sizes written at once.</summary>
    private async Task MoveManyAsync(ISqlRunner tx, long keyId)
    {
        var blocks = await tx.QueryListAsync(RankBlockStatements.SelectAll,
            r => (Start: ZPosition.Read(r, 0), Size: Convert.ToInt64(r.GetValue(4))), keyId).ConfigureAwait(false);
        var starts = blocks.Select(b => b.Start).ToList();
        var deltas = new Dictionary<int, long>();
        foreach (var (position, delta) in _moves)
        {
            int found = starts.BinarySearch(position);
            int index = found >= 0 ? found : Math.Max(0, ~found - 1);
            deltas[index] = deltas.GetValueOrDefault(index) + delta;
        }
        var changed = deltas.Where(d => d.Value != 0).Select(d => (blocks[d.Key].Start, Size: blocks[d.Key].Size + d.Value)).ToList();
        var writes = changed.Chunk(256).Select(chunk => (RankBlockStatements.SetSizes(chunk.Length),
            (object?[])[keyId, .. chunk.SelectMany(b => (object?[])[.. b.Start.Values, b.Size])])).ToList();
        if (writes.Count > 0) await tx.ExecuteAllAsync(writes).ConfigureAwait(false);
        await FixBoundsAsync(tx, keyId,
            changed.Where(b => b.Size > RankBlocks.MaxSize || (b.Size == 0 && b.Start.Inf > -2)).ToList()).ConfigureAwait(false);
    }

    /// <summary>Removes the emptied blocks and halves those past <see cref="RankBlocks.MaxSize"/> at their middle member, until none is.</summary>
    private static async Task FixBoundsAsync(ISqlRunner tx, long keyId, List<(ZPosition Start, long Size)> blocks)
    {
        var writes = new List<(Statement, object?[])>();
        var oversized = new Queue<(ZPosition Start, long Size)>();
        foreach (var block in blocks)
        {
            if (block.Size == 0) writes.Add((RankBlockStatements.DeleteBlock, [keyId, .. block.Start.Values]));
            else oversized.Enqueue(block);
        }
        if (writes.Count > 0) await tx.ExecuteAllAsync(writes).ConfigureAwait(false);
        while (oversized.TryDequeue(out var block))
        {
            long half = block.Size / 2;
            var middle = await tx.QueryFirstAsync(RankBlockStatements.MemberAfter, r => ZPosition.Read(r, 0),
                [keyId, .. block.Start.Values, half]).ConfigureAwait(false);
            if (middle.Hash is null)
            {
                // Fewer members than the count says: the counts are out of step, so cut the blocks anew.
                await tx.ExecuteAsync(RankBlockStatements.DeleteAll, keyId).ConfigureAwait(false);
                await tx.ExecuteAsync(RankBlockStatements.Build, keyId, RankBlocks.ZeroHash, RankBlocks.BuildSize).ConfigureAwait(false);
                return;
            }
            await tx.ExecuteAllAsync(
            [
                (RankBlockStatements.Insert, [keyId, .. middle.Values, block.Size - half]),
                (RankBlockStatements.Resize, [half, keyId, .. block.Start.Values]),
            ]).ConfigureAwait(false);
            foreach (var part in new[] { (block.Start, half), (middle, block.Size - half) })
                if (part.Item2 > RankBlocks.MaxSize) oversized.Enqueue(part);
        }
    }
}
