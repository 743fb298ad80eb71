using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// A sorted-set key locked for the rest of a transaction, with its size and what is known of its members: the writes a
/// command stages (<see cref="Put"/>, <see cref="Remove"/>, <see cref="TakeAsync"/>) are sent by <see cref="SaveAsync"/>
/// in one round trip with the new size, so the size row always matches the members. A sorted set that loses its last
/// member is deleted; one that gains members records a key-ready event, which wakes clients blocked on the key (BZPOPMIN)
/// on every proxy once the transaction commits.
/// </summary>
public sealed class LockedZSet
{
    /// <summary>Members whose scores are read in the round trip that locks the key; more take their own statements.</summary>
    private const int MaxLockedLookups = 64;

    /// <summary>Rows per statement: far below MySQL's placeholder limit, and chunks stay near <see cref="MaxBytes"/>.</summary>
    private const int MaxRows = 256;
    private const int MaxBytes = 4 << 20;

    private readonly ISqlRunner _tx;
    /// <summary>Current scores of the members known to be present (looked up, read or put), by hash.</summary>
    private readonly Dictionary<string, double> _scores = new();
    private readonly HashSet<string> _lookedUp = new();
    private readonly Dictionary<string, ZEntry> _puts = new();
    private readonly Dictionary<string, ZMember> _removals = new();
    private readonly RankBlockChanges _blockChanges = new();
    private bool _added;
    private bool _sizeChanged;
    /// <summary>The key id and size the rank blocks were last in step with, and whether they exist (null: not known yet).</summary>
    private long? _blocksKeyId;
    private long _blocksSize;
    private bool? _hasBlocks;

    private LockedZSet(ISqlRunner tx, CollectionKey key, long size)
    {
        _tx = tx;
        Key = key;
        Size = size;
        _blocksKeyId = key.Exists ? key.Id : null;
        _blocksSize = size;
    }

    public CollectionKey Key { get; }

    /// <summary>Members, counting the staged writes; 0 for a missing key.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// Locks the key (WRONGTYPE when it holds another type) and reads its size, and the scores of
    /// <paramref name="members"/> when they are few, in one round trip; more are looked up in chunks after it.
    /// </summary>
    public static async Task<LockedZSet> LockAsync(ISqlRunner tx, byte[] key, long nowMs, IReadOnlyList<ZMember>? members = null)
    {
        members ??= [];
        var joined = members.Count <= MaxLockedLookups ? members : [];
        var rows = await tx.QueryListAsync(ZSetStatements.Lock(InListShape.For(joined.Count)),
            r => (Key: KeyspaceRow.Read(r), Size: r.IsDBNull(4) ? 0 : Convert.ToInt64(r.GetValue(4)),
                Member: r.IsDBNull(5) ? null : (byte[])r.GetValue(5), Score: r.IsDBNull(5) ? 0 : ScoreColumns.Read(r, 6)),
            [.. InListShape.Padded(joined.Select(m => m.Hash).ToList()), key]).ConfigureAwait(false);
        var first = rows.FirstOrDefault();
        var collection = CollectionKey.FromLockedRow(tx, key, KeyType.ZSet, first.Key, nowMs);
        var locked = new LockedZSet(tx, collection, collection.Exists ? first.Size : 0);
        if (!collection.Exists) return locked;
        foreach (var member in joined) locked._lookedUp.Add(member.HashKey);
        foreach (var row in rows.Where(r => r.Member is not null)) locked._scores[Convert.ToHexString(row.Member!)] = row.Score;
        await locked.LookUpAsync(members).ConfigureAwait(false);
        return locked;
    }

    /// <summary>Reads the scores of the members not looked up yet.</summary>
    private async Task LookUpAsync(IReadOnlyList<ZMember> members)
    {
        if (!Key.Exists) return;
        var missing = members.Where(m => !_lookedUp.Contains(m.HashKey)).DistinctBy(m => m.HashKey).ToList();
        foreach (var chunk in missing.Chunk(MaxRows))
        {
            var found = await _tx.QueryListAsync(ZSetStatements.SelectScores(InListShape.For(chunk.Length)),
                r => (Hash: Convert.ToHexString((byte[])r.GetValue(0)), Score: ScoreColumns.Read(r, 1)),
                [Key.Id, .. InListShape.Padded(chunk).Select(m => m.Hash)]).ConfigureAwait(false);
            foreach (var (hash, score) in found) _scores[hash] = score;
            foreach (var member in chunk) _lookedUp.Add(member.HashKey);
        }
    }

    /// <summary>The member's current score, null when it is not a member (it must have been looked up or read).</summary>
    public double? ScoreOf(ZMember member) => _scores.TryGetValue(member.HashKey, out double score) ? score : null;

    /// <summary>Adds the member, or gives it a new score.</summary>
    public void Put(ZMember member, double score)
    {
        if (!_scores.TryGetValue(member.HashKey, out double old))
        {
            Size++;
            _added = _sizeChanged = true;
            _blockChanges.Added(member, score);
        }
        else if (old != score)
        {
            _blockChanges.Removed(member, old);
            _blockChanges.Added(member, score);
        }
        _scores[member.HashKey] = score;
        _removals.Remove(member.HashKey);
        _puts[member.HashKey] = new ZEntry(member, score);
    }

    /// <summary>Removes the member when it is one; returns whether it was.</summary>
    public bool Remove(ZMember member)
    {
        if (!_scores.Remove(member.HashKey, out double old)) return false;
        _blockChanges.Removed(member, old);
        Size--;
        _sizeChanged = true;
        _puts.Remove(member.HashKey);
        _removals[member.HashKey] = member;
        return true;
    }

    /// <summary>Reads up to <paramref name="count"/> members from one end of the query's selection (as
    /// <see cref="ZSetReader.WindowAsync"/>) and removes them.</summary>
    public async Task<List<ZEntry>> TakeAsync(ZSetQuery query, bool reverse, long offset, long count)
    {
        if (!Key.Exists) return [];
        var taken = await ZSetReader.WindowAsync(_tx, Key.Id, query, reverse, offset, count).ConfigureAwait(false);
        foreach (var entry in taken)
        {
            _scores[entry.Member.HashKey] = entry.Score;
            Remove(entry.Member);
        }
        return taken;
    }

    /// <summary>The score every member shares, null when they differ or there is none (<see cref="ZSetQuery.ByLex"/>).</summary>
    public Task<double?> CommonScoreAsync() =>
        Key.Exists ? ZSetReader.CommonScoreAsync(_tx, Key.Id) : Task.FromResult<double?>(null);

    /// <summary>Removes every member the query selects, at once; returns how many.</summary>
    public async Task<long> RemoveSelectedAsync(ZSetQuery query)
    {
        if (!Key.Exists) return 0;
        if (_blocksSize >= RankBlocks.DropBelow)
        {
            // The removed members lie between the first and the last the query selects (their groups, which the index
            // orders by hash): the blocks there are counted again after the delete.
            var first = await ZSetReader.WindowAsync(_tx, Key.Id, query, false, 0, 1).ConfigureAwait(false);
            var last = await ZSetReader.WindowAsync(_tx, Key.Id, query, true, 0, 1).ConfigureAwait(false);
            if (first.Count == 0) return 0;
            _blockChanges.RemovedBetween(ZPosition.GroupStart(first[0]), ZPosition.GroupEnd(last[0]));
        }
        long removed = await _tx.ExecuteAsync(ZSetStatements.DeleteSelected(query.Kind), [Key.Id, .. query.Values]).ConfigureAwait(false);
        Size -= removed;
        _sizeChanged |= removed > 0;
        // What is known of single members may be stale now; nothing reads it after a range removal.
        _scores.Clear();
        return removed;
    }

    /// <summary>
    /// Fills a sorted set that has no member yet (a STORE command's fresh destination) with the rows an INSERT ... SELECT
    /// writes, computed inside MySQL; <paramref name="values"/> gets the key's id.
    /// </summary>
    public async Task AddSelectedAsync(Statement insert, Func<long, object?[]> values)
    {
        if (Size != 0) throw new InvalidOperationException("only an empty sorted set is filled by a statement");
        long id = await Key.EnsureCreatedAsync().ConfigureAwait(false);
        Size = await _tx.ExecuteAsync(insert, values(id)).ConfigureAwait(false);
        _added = _sizeChanged = Size > 0;
    }

    /// <summary>
    /// Writes the staged changes and the size in one round trip, creating the key for its first members; a key left
    /// with no member is deleted instead (its rows are left to the collector). Returns whether it was deleted.
    /// </summary>
    public async Task<bool> SaveAsync()
    {
        if (Size == 0)
        {
            bool existed = Key.Exists;
            await Key.DeleteAsync().ConfigureAwait(false);
            return existed;
        }
        if (_puts.Count == 0 && _removals.Count == 0 && !_sizeChanged) return false;
        long id = await Key.EnsureCreatedAsync().ConfigureAwait(false);
        var writes = new List<(Statement, object?[])>();
        foreach (var chunk in _removals.Values.Chunk(MaxRows))
            writes.Add((ZSetStatements.Delete(InListShape.For(chunk.Length)), [id, .. InListShape.Padded(chunk).Select(m => m.Hash)]));
        writes.AddRange(Upserts(id, _puts.Values.ToList()));
        writes.Add((ZSetTables.Sizes.Upsert, [id, Size]));
        if (_added) await _tx.AppendEventAsync(EventKind.KeyReady, Key.Key).ConfigureAwait(false);
        await _tx.ExecuteAllAsync(writes).ConfigureAwait(false);
        await SaveBlocksAsync(id).ConfigureAwait(false);
        _puts.Clear();
        _removals.Clear();
        _added = _sizeChanged = false;
        return false;
    }

    /// <summary>Brings the rank blocks of the key (now <paramref name="id"/>) in step with the members just written.</summary>
    private async Task SaveBlocksAsync(long id)
    {
        bool had = _blocksKeyId == id && (_hasBlocks ?? (_blocksSize >= RankBlocks.Threshold
            || (_blocksSize >= RankBlocks.DropBelow
                && await _tx.QueryFirstAsync(RankBlockStatements.SelectFirst, _ => true, id).ConfigureAwait(false))));
        await _blockChanges.SaveAsync(_tx, id, had, Size).ConfigureAwait(false);
        _hasBlocks = had ? Size >= RankBlocks.DropBelow : Size >= RankBlocks.Threshold;
        _blocksKeyId = id;
        _blocksSize = Size;
    }

    /// <summary>Multi-row upserts of <paramref name="entries"/>, at most <see cref="MaxRows"/> rows and about <see cref="MaxBytes"/> each.</summary>
    private static IEnumerable<(Statement, object?[])> Upserts(long id, IReadOnlyList<ZEntry> entries)
    {
        for (int start = 0; start < entries.Count;)
        {
            int length = 0;
            long bytes = 0;
            while (start + length < entries.Count && length < MaxRows
                   && (length == 0 || bytes + entries[start + length].Member.Value.Length <= MaxBytes))
                bytes += entries[start + length++].Member.Value.Length;
            var chunk = entries.Skip(start).Take(length).ToList();
            var rows = InListShape.Padded(chunk).SelectMany(e => new object?[]
            {
                e.Member.Hash, e.Member.Value, e.Member.Prefix, ScoreColumns.Inf(e.Score), ScoreColumns.Finite(e.Score),
            });
            yield return (ZSetStatements.Upsert(InListShape.For(length)), [id, .. rows]);
            start += length;
        }
    }
}
