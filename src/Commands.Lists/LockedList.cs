using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// A list key locked for the rest of a transaction, with its bounds: element i is at position Head + i. Pushes are
/// placed in memory (<see cref="Place"/>) and written by <see cref="WriteAsync"/>; pops read and delete both ends in one
/// statement each (<see cref="TakeAsync"/>). A list that loses its last element is deleted, and a missing list is
/// created by its first push with that element at position 0.
/// </summary>
internal sealed class LockedList
{
    /// <summary>
    /// At most this many elements are read with the lock (<see cref="LockAsync"/>) and deleted by position
    /// (<see cref="TakeAsync"/>): a batch of single pops from 64 clients; longer pops read and delete ranges.
    /// </summary>
    public const int MaxPointElements = 64;

    private readonly ISqlRunner _tx;
    private readonly List<(long Pos, byte[] Value)> _placed = new();
    /// <summary>Elements read with the lock, from the head and from the tail (the last element first), while the bounds are still <see cref="_readAt"/>.</summary>
    private readonly List<byte[]> _headRead, _tailRead;
    private readonly (long Head, long Tail) _readAt;
    /// <summary>The key id whose list_bounds row exists (read with the lock); a list created in this transaction has none yet.</summary>
    private readonly long? _boundsRowOf;

    private LockedList(ISqlRunner tx, CollectionKey key, long head, long tail, List<byte[]> headRead, List<byte[]> tailRead)
    {
        _tx = tx;
        Key = key;
        Head = head;
        Tail = tail;
        _headRead = headRead;
        _tailRead = tailRead;
        _readAt = (head, tail);
        _boundsRowOf = key.Exists ? key.Id : null;
    }

    public CollectionKey Key { get; }
    public long Head { get; private set; }
    public long Tail { get; private set; }

    /// <summary>Elements, counting those placed and not yet written; 0 for a missing list.</summary>
    public long Length => Tail - Head + 1;

    /// <summary>
    /// Locks the key (WRONGTYPE when it holds another type) and reads its bounds, in one round trip. A pop about to take
    /// <paramref name="fromHead"/> and <paramref name="fromTail"/> elements (together at most
    /// <see cref="MaxPointElements"/>) gets them in the same round trip.
    /// </summary>
    public static async Task<LockedList> LockAsync(ISqlRunner tx, byte[] key, long nowMs, long fromHead = 0, long fromTail = 0)
    {
        int ends = fromHead + fromTail is var n and > 0 and <= MaxPointElements ? (int)n : 0;
        var indexes = new List<object?>(ends);
        for (long i = 0; i < fromHead && ends > 0; i++) indexes.Add(i);
        for (long i = 1; i <= fromTail && ends > 0; i++) indexes.Add(-i);
        var rows = await tx.QueryListAsync(ListStatements.LockWithEnds(InListShape.For(ends)), r =>
            (Key: KeyspaceRow.Read(r), Head: r.IsDBNull(4) ? (long?)null : r.GetInt64(4), Tail: r.IsDBNull(5) ? 0 : r.GetInt64(5),
                Element: r.IsDBNull(6) ? ((long, byte[])?)null : (r.GetInt64(6), (byte[])r.GetValue(7))),
            [.. InListShape.Padded(indexes), key]);
        var row = rows.FirstOrDefault();
        var collection = CollectionKey.FromLockedRow(tx, key, KeyType.List, row.Key, nowMs);
        if (!collection.Exists) return new LockedList(tx, collection, 0, -1, [], []);
        if (row.Head is not { } head) throw new InvalidOperationException("a list key has no list_bounds row");
        // The elements asked for that exist: a short list has fewer, and the same element may be asked of both ends.
        var read = rows.Where(r => r.Element is not null).ToDictionary(r => r.Element!.Value.Item1, r => r.Element!.Value.Item2);
        var headRead = Enumerable.Range(0, ends == 0 ? 0 : (int)Math.Min(fromHead, row.Tail - head + 1))
            .Select(i => read[head + i]).ToList();
        var tailRead = Enumerable.Range(0, ends == 0 ? 0 : (int)Math.Min(fromTail, row.Tail - head + 1))
            .Select(i => read[row.Tail - i]).ToList();
        return new LockedList(tx, collection, head, row.Tail, headRead, tailRead);
    }

    /// <summary>The position of the element at <paramref name="index"/> (0-based from the head).</summary>
    public long PositionOf(long index) => Head + index;

    /// <summary>Adds an element at one end in memory; <see cref="WriteAsync"/> stores it.</summary>
    public void Place(ListEnd end, byte[] value)
    {
        long pos = Length == 0 ? Head = Tail = 0 : end == ListEnd.Left ? --Head : ++Tail;
        _placed.Add((pos, value));
    }

    /// <summary>Stores the placed elements and the new bounds, creating the key when it was missing.</summary>
    public async Task WriteAsync()
    {
        if (_placed.Count == 0) return;
        long id = await Key.EnsureCreatedAsync();
        var inserts = ItemChunks.Inserts(id, _placed).ToList();
        _placed.Clear();
        // Chunk by chunk (each near max_allowed_packet's share), the last one with the bounds.
        foreach (var (statement, values) in inserts.SkipLast(1)) await _tx.ExecuteAsync(statement, values);
        await SaveBoundsAsync(inserts[^1]);
    }

    /// <summary>Adds elements at one end and stores them.</summary>
    public async Task PushAsync(ListEnd end, IEnumerable<byte[]> values)
    {
        foreach (var value in values) Place(end, value);
        await WriteAsync();
    }

    /// <summary>Removes up to <paramref name="count"/> elements from one end; returns them in the order they left.</summary>
    public async Task<List<byte[]>> PopAsync(ListEnd end, long count)
    {
        long n = Math.Min(count, Length);
        var (fromHead, fromTail) = await TakeAsync(end == ListEnd.Left ? n : 0, end == ListEnd.Right ? n : 0);
        return end == ListEnd.Left ? fromHead : fromTail;
    }

    /// <summary>
    /// Removes <paramref name="fromHead"/> elements at the head and <paramref name="fromTail"/> at the tail (together at
    /// most <see cref="Length"/>) in one read and one delete; returns each end's elements in the order they left.
    /// Taking everything deletes the key and leaves its rows to the collector.
    /// </summary>
    public async Task<(List<byte[]> FromHead, List<byte[]> FromTail)> TakeAsync(long fromHead, long fromTail)
    {
        if (fromHead + fromTail == 0) return ([], []);
        object?[] ends = [Key.Id, Head, Head + fromHead - 1, Tail - fromTail + 1, Tail];
        if (!TryGetRead(fromHead, fromTail, out var head, out var tail))
        {
            var values = await _tx.QueryListAsync(ListStatements.SelectEnds, r => (byte[])r.GetValue(0), ends);
            if (values.Count != fromHead + fromTail) throw new InvalidOperationException("list positions are not contiguous");
            head = values.GetRange(0, (int)fromHead);
            tail = values.GetRange((int)fromHead, (int)fromTail);
            tail.Reverse();
        }
        if (fromHead + fromTail == Length)
        {
            await RemoveAllAsync();
        }
        else
        {
            (Statement, object?[]) delete = (ListStatements.DeleteEnds, ends);
            if (fromHead + fromTail <= MaxPointElements)
            {
                var positions = new List<object?>();
                for (long pos = Head; pos < Head + fromHead; pos++) positions.Add(pos);
                for (long pos = Tail - fromTail + 1; pos <= Tail; pos++) positions.Add(pos);
                delete = (ListStatements.DeleteAt(InListShape.For(positions.Count)), [Key.Id, .. InListShape.Padded(positions)]);
            }
            Head += fromHead;
            Tail -= fromTail;
            await SaveBoundsAsync(delete);
        }
        return (head, tail);
    }

    /// <summary>The elements read with the lock, when they cover the request and no write has moved the bounds since.</summary>
    private bool TryGetRead(long fromHead, long fromTail, out List<byte[]> head, out List<byte[]> tail)
    {
        bool covered = (Head, Tail) == _readAt && fromHead <= _headRead.Count && fromTail <= _tailRead.Count;
        head = covered ? _headRead.GetRange(0, (int)fromHead) : [];
        tail = covered ? _tailRead.GetRange(0, (int)fromTail) : [];
        return covered;
    }

    /// <summary>The element at one end, left in place (the list must not be empty).</summary>
    public async Task<byte[]> PeekAsync(ListEnd end)
    {
        if (TryGetRead(end == ListEnd.Left ? 1 : 0, end == ListEnd.Right ? 1 : 0, out var head, out var tail))
            return end == ListEnd.Left ? head[0] : tail[0];
        long pos = end == ListEnd.Left ? Head : Tail;
        var values = await _tx.QueryListAsync(ListStatements.SelectEnds, r => (byte[])r.GetValue(0), Key.Id, pos, pos, pos + 1, pos);
        return values[0];
    }

    /// <summary>Keeps only positions <paramref name="from"/>..<paramref name="to"/>, a non-empty range within the bounds.</summary>
    public async Task KeepAsync(long from, long to)
    {
        if (from == Head && to == Tail) return;
        (Head, Tail) = (from, to);
        await SaveBoundsAsync((ListStatements.DeleteOutside, [Key.Id, from, to]));
    }

    /// <summary>
    /// After elements were deleted from anywhere (<paramref name="removed"/> of them), moves the survivors to contiguous
    /// positions after the old tail in one statement and drops the old positions in another.
    /// </summary>
    public async Task CloseGapsAsync(long removed)
    {
        if (removed == 0) return;
        if (removed == Length)
        {
            await RemoveAllAsync();
            return;
        }
        long survivors = Length - removed;
        await _tx.ExecuteAsync(ListStatements.CopyRenumbered, Tail, Key.Id);
        (Head, Tail) = (Tail + 1, Tail + survivors);
        await SaveBoundsAsync((ListStatements.DeleteOutside, [Key.Id, Head, Tail]));
    }

    /// <summary>Inserts an element so it becomes index <paramref name="index"/>, moving the shorter side by one position.</summary>
    public async Task InsertAtAsync(long index, byte[] value)
    {
        long pos;
        if (index <= Length - index)
        {
            await _tx.ExecuteAsync(ListStatements.ShiftTowardsHead, Key.Id, Head, Head + index - 1);
            pos = Head-- + index - 1;
        }
        else
        {
            await _tx.ExecuteAsync(ListStatements.ShiftTowardsTail, Key.Id, Head + index, Tail);
            pos = Head + index;
            Tail++;
        }
        await SaveBoundsAsync(ItemChunks.Inserts(Key.Id, [(pos, value)]).Single());
    }

    /// <summary>Runs a write and then stores the bounds, in one round trip.</summary>
    private Task SaveBoundsAsync((Statement Statement, object?[] Values) write) =>
        _tx.ExecuteAllAsync([write, Key.Id == _boundsRowOf
            ? (ListStatements.UpdateBounds, [Head, Tail, Key.Id])
            : (ListStatements.UpsertBounds, [Key.Id, Head, Tail])]);

    /// <summary>Deletes the list: the key goes, its rows are left to the collector.</summary>
    public async Task RemoveAllAsync()
    {
        await Key.DeleteAsync();
        (Head, Tail) = (0, -1);
    }
}
