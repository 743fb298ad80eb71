using System.Buffers;
using System.Runtime.CompilerServices;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// A string key inside a transaction, seen as Redis sees it (an expired row is absent) and reached by byte ranges, so
/// a command that touches a few bytes of a big value reads and writes a chunk or two (<see cref="StringChunks"/>).
/// Writers lock the key's row; readers hold it shared, so a value read in several statements is one version.
/// </summary>
/// <remarks>
/// A value that becomes big gets a new keyspace row, so a new id: chunks left under an old id by an overwrite that the
/// collector has not reclaimed yet can never be mistaken for the new value's, and a replaced value's chunks stay
/// readable under the old id until the transaction commits.
/// </remarks>
internal sealed class StoredString
{
    private readonly ISqlRunner _tx;
    private bool _hasRow;
    private long _id;
    private KeyType _type;
    private bool _live;
    private long? _expiresAt;
    /// <summary>The inline value of a live string; null for a big one.</summary>
    private byte[]? _inline;
    private long _size;
    /// <summary>The size row of a big value as stored; -1 when it has none yet.</summary>
    private long _storedSize = -1;
    /// <summary>Chunks this transaction read or wrote, so a read-modify-write of a few bytes reads its chunk once.</summary>
    private readonly Dictionary<long, byte[]> _chunks = [];

    private StoredString(ISqlRunner tx, byte[] key, Row? row, long nowMs)
    {
        _tx = tx;
        Key = key;
        if (row is not { } r) return;
        _hasRow = true;
        _id = r.Id;
        if (r.ExpiresAt is { } at && at <= nowMs) return;
        _live = true;
        _type = r.Type;
        _expiresAt = r.ExpiresAt;
        _inline = r.Value;
        _size = r.Value?.LongLength ?? r.Size ?? 0;
        _storedSize = r.Size ?? -1;
    }

    public byte[] Key { get; }

    /// <summary>True when the key holds a live value of any type.</summary>
    public bool Exists => _live;

    /// <summary>True when the key holds a live string.</summary>
    public bool IsString => _live && _type == KeyType.String;

    public long? ExpiresAt => _live ? _expiresAt : null;

    /// <summary>Locks the key's row for a command that writes it.</summary>
    public static async Task<StoredString> LockAsync(ISqlRunner tx, byte[] key, long nowMs) =>
        new(tx, key, await tx.QueryFirstAsync(StringStatements.LockString, Row.ReadOrNull, key), nowMs);

    /// <summary>Holds the key's row shared for a command that only reads it.</summary>
    public static async Task<StoredString> OpenAsync(ISqlRunner tx, byte[] key, long nowMs) =>
        new(tx, key, await tx.QueryFirstAsync(StringStatements.ShareString, Row.ReadOrNull, key), nowMs);

    /// <summary>
    /// Locks several keys in key order (one statement per <see cref="InListShape.MaxPerStatement"/> keys); the result
    /// has one entry per distinct key.
    /// </summary>
    public static async Task<List<StoredString>> LockAllAsync(ISqlRunner tx, KeyList keys, long nowMs)
    {
        var byKey = new Dictionary<byte[], Row>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(keys.Keys))
        {
            var rows = await tx.QueryListAsync(StringStatements.LockMany(chunk.Length),
                r => (Key: (byte[])r.GetValue(5), Row: Row.Read(r)), [.. chunk]);
            foreach (var (key, row) in rows) byKey[key] = row;
        }
        return keys.Keys.Select(k => new StoredString(tx, k, byKey.TryGetValue(k, out var row) ? row : null, nowMs)).ToList();
    }

    /// <summary>The string's length, 0 when the key is absent; WRONGTYPE when it holds another type.</summary>
    public long Length => HoldsString() ? _size : 0;

    /// <summary>The whole value, null when the key is absent; WRONGTYPE when it holds another type.</summary>
    public async Task<byte[]?> ReadAllAsync()
    {
        if (!HoldsString()) return null;
        return _inline ?? await ReadRangeAsync(0, checked((int)_size));
    }

    /// <summary>Up to <paramref name="count"/> bytes from <paramref name="offset"/>, fewer at the end of the value.</summary>
    public async Task<byte[]> ReadRangeAsync(long offset, int count)
    {
        long length = Length;
        if (offset >= length || count <= 0) return [];
        var bytes = new byte[Math.Min(count, length - offset)];
        if (_inline is not null) _inline.AsSpan((int)offset, bytes.Length).CopyTo(bytes);
        else await ReadChunksAsync(offset, bytes);
        return bytes;
    }

    /// <summary>
    /// The bytes from <paramref name="start"/> up to <paramref name="end"/> (exclusive, clipped to the value) in
    /// consecutive pieces of at most a megabyte; a piece is valid until the next one is asked for.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ScanAsync(long start, long end)
    {
        end = Math.Min(end, Length);
        if (start >= end) yield break;
        if (_inline is not null)
        {
            yield return _inline.AsMemory((int)start, (int)(end - start));
            yield break;
        }
        const int window = StringChunks.Size * StringChunks.PerStatement;
        var buffer = ArrayPool<byte>.Shared.Rent(window);
        try
        {
            for (long at = start; at < end; at += window)
            {
                var piece = new ArraySegment<byte>(buffer, 0, (int)Math.Min(window, end - at));
                piece.AsSpan().Clear();
                await ReadChunksAsync(at, piece);
                yield return piece;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> at <paramref name="offset"/>, growing the value with zero bytes as needed and
    /// keeping its TTL; creates the key (raising <c>new</c>) when it is absent. The caller checks the length limit.
    /// </summary>
    public async Task WriteRangeAsync(long offset, ReadOnlyMemory<byte> bytes)
    {
        long length = Math.Max(Length, offset + bytes.Length);
        if (!await IsBigForAsync(length))
        {
            var value = new byte[length];
            _inline?.CopyTo(value, 0);
            bytes.Span.CopyTo(value.AsSpan((int)offset));
            await StoreInlineAsync(value, ExpiresAt);
            return;
        }
        await WriteChunksAsync(offset, bytes);
        await SaveSizeAsync();
    }

    /// <summary>
    /// Writes single bytes at scattered offsets in one go (a batch of SETBITs): like <see cref="WriteRangeAsync"/> for
    /// each, but every chunk they fall in is written once, in as few statements as possible.
    /// </summary>
    public async Task WriteBytesAsync(SortedDictionary<long, byte> bytes)
    {
        if (bytes.Count == 0) return;
        long length = Math.Max(Length, bytes.Keys.Last() + 1);
        if (!await IsBigForAsync(length))
        {
            var value = new byte[length];
            _inline?.CopyTo(value, 0);
            foreach (var (offset, b) in bytes) value[offset] = b;
            await StoreInlineAsync(value, ExpiresAt);
            return;
        }
        var rows = new List<object?>();
        foreach (var chunkBytes in bytes.GroupBy(b => StringChunks.IndexOf(b.Key)))
        {
            long n = chunkBytes.Key, chunkStart = n * StringChunks.Size;
            var old = chunkStart < _size ? await StoredChunkAsync(n) : [];
            var chunk = new byte[Math.Max(old.Length, (int)(chunkBytes.Max(b => b.Key) - chunkStart + 1))];
            old.CopyTo(chunk, 0);
            foreach (var (offset, b) in chunkBytes) chunk[offset - chunkStart] = b;
            _chunks[n] = chunk;
            rows.Add(n);
            rows.Add(chunk);
            if (rows.Count == 2 * StringChunks.PerStatement) await FlushChunksAsync(rows);
        }
        if (rows.Count > 0) await FlushChunksAsync(rows);
        _size = length;
        await SaveSizeAsync();
    }

    /// <summary>Reads, in one statement per few hundred, the chunks that the bytes at <paramref name="offsets"/> fall in.</summary>
    public async Task PrefetchAsync(IEnumerable<long> offsets)
    {
        if (_inline is not null || !IsString) return;
        var missing = offsets.Where(o => o < _size).Select(StringChunks.IndexOf).Distinct().Where(n => !_chunks.ContainsKey(n)).ToList();
        foreach (var part in InListShape.PaddedChunks(missing))
        {
            foreach (long n in part) _chunks[n] = [];
            var rows = await _tx.QueryListAsync(StringStatements.SelectChunksIn(part.Length),
                r => (N: Convert.ToInt64(r.GetValue(0)), V: (byte[])r.GetValue(1)), [_id, .. part.Cast<object?>()]);
            foreach (var (n, v) in rows) _chunks[n] = v;
        }
    }

    /// <summary>
    /// Whether a write that leaves the value <paramref name="length"/> bytes long goes to chunks: true for a big value,
    /// and for an inline (or new) one that outgrows <see cref="StringChunks.InlineMax"/>, which is made big first.
    /// </summary>
    private async Task<bool> IsBigForAsync(long length)
    {
        if (_inline is null && IsString) return true;
        if (length <= StringChunks.InlineMax) return false;
        var old = _inline ?? [];
        await CreateBigAsync(ExpiresAt);
        await WriteChunksAsync(0, old);
        return true;
    }

    /// <summary>Appends to the value (see <see cref="WriteRangeAsync"/>); an inline result is appended inside MySQL.</summary>
    public async Task AppendAsync(ReadOnlyMemory<byte> suffix)
    {
        if (_inline is not null && _inline.LongLength + suffix.Length <= StringChunks.InlineMax)
        {
            await _tx.ExecuteAsync(StringStatements.AppendValue, suffix, Key);
            _inline = [.. _inline, .. suffix.Span];
            _size = _inline.LongLength;
        }
        else await WriteRangeAsync(Length, suffix);
    }

    /// <summary>Replaces the value (and type) with <paramref name="value"/>, keeping the TTL when <paramref name="keepTtl"/>.</summary>
    public Task ReplaceAsync(ReadOnlyMemory<byte> value, bool keepTtl) => SetAsync(value, keepTtl ? ExpiresAt : null);

    /// <summary>Replaces the value (and type) with <paramref name="value"/> expiring at <paramref name="expiresAt"/>.</summary>
    public async Task SetAsync(ReadOnlyMemory<byte> value, long? expiresAt)
    {
        if (value.Length <= StringChunks.InlineMax)
        {
            await StoreInlineAsync(value.ToArray(), expiresAt);
            return;
        }
        await CreateBigAsync(expiresAt);
        await WriteChunksAsync(0, value);
        await SaveSizeAsync();
    }

    /// <summary>
    /// Replaces the value (and type) with a string of <paramref name="length"/> bytes and no TTL, produced in order by
    /// <paramref name="fill"/>(offset, window) into zeroed windows; sources read through other instances still see
    /// their old bytes, the key's own included.
    /// </summary>
    public async Task ReplaceAsync(long length, Func<long, Memory<byte>, Task> fill)
    {
        if (length <= StringChunks.InlineMax)
        {
            var value = new byte[length];
            await fill(0, value);
            await StoreInlineAsync(value, null);
            return;
        }
        await CreateBigAsync(null);
        const int window = StringChunks.Size * StringChunks.PerStatement;
        var buffer = ArrayPool<byte>.Shared.Rent(window);
        try
        {
            for (long at = 0; at < length; at += window)
            {
                var piece = buffer.AsMemory(0, (int)Math.Min(window, length - at));
                piece.Span.Clear();
                await fill(at, piece);
                await WriteChunksAsync(at, piece);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _size = length;
        await SaveSizeAsync();
    }

    /// <summary>Sets or clears the expiry of the live value.</summary>
    public async Task SetExpiryAsync(long? expiresAt, long nowMs)
    {
        await _tx.ExecuteAsync(KeyspaceStatements.SetExpiry, expiresAt, Key, nowMs);
        _expiresAt = expiresAt;
    }

    /// <summary>Deletes the key; a big value's chunks are left to the collector.</summary>
    public async Task DeleteAsync()
    {
        await _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key);
        _hasRow = _live = false;
    }

    /// <summary>True when the key holds a string, false when it is absent; WRONGTYPE when it holds another type.</summary>
    public bool HoldsString()
    {
        if (!_live) return false;
        if (_type != KeyType.String) throw new RedisException(RedisErrors.WrongType);
        return true;
    }

    private async Task NewKeyAsync()
    {
        if (!_live) await _tx.NotifyAsync(NotifyFlags.New, "new", Key);
    }

    /// <summary>Stores an inline value; a row that held a big value keeps its id, and its chunks become the collector's.</summary>
    private async Task StoreInlineAsync(byte[] value, long? expiresAt)
    {
        await NewKeyAsync();
        await _tx.ExecuteAsync(_hasRow ? KeyspaceStatements.UpsertString : KeyspaceStatements.InsertString, Key, value, expiresAt);
        Become(KeyType.String, expiresAt, value, value.LongLength);
    }

    /// <summary>Makes the key an empty big string under a new id (see the remarks).</summary>
    private async Task CreateBigAsync(long? expiresAt)
    {
        await NewKeyAsync();
        if (_hasRow) await _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key);
        _id = await _tx.InsertAsync(StringStatements.InsertBigString, Key, expiresAt);
        Become(KeyType.String, expiresAt, null, 0);
        _storedSize = -1;
    }

    private void Become(KeyType type, long? expiresAt, byte[]? inline, long size)
    {
        _hasRow = _live = true;
        _type = type;
        _expiresAt = expiresAt;
        _inline = inline;
        _size = size;
        _chunks.Clear();
    }

    private async Task SaveSizeAsync()
    {
        if (_size == _storedSize) return;
        await _tx.ExecuteAsync(StringStatements.UpsertSize, _id, _size);
        _storedSize = _size;
    }

    /// <summary>Fills <paramref name="target"/> (zeroed) with the big value's bytes from <paramref name="offset"/>.</summary>
    private async Task ReadChunksAsync(long offset, ArraySegment<byte> target)
    {
        long first = StringChunks.IndexOf(offset), last = StringChunks.IndexOf(offset + target.Count - 1);
        // A read of one or two chunks is usually followed by a write of the same bytes (SETBIT, BITFIELD): kept whole.
        bool keep = last - first < 2;
        for (long from = first; from <= last; from += StringChunks.PerStatement)
        {
            long to = Math.Min(last, from + StringChunks.PerStatement - 1);
            if (keep)
            {
                for (long n = from; n <= to; n++) CopyChunk(n, await StoredChunkAsync(n), offset, target);
                continue;
            }
            // Scans copy each chunk from the row into the target, allocating nothing per chunk.
            await _tx.QueryListAsync(StringStatements.SelectChunks, r =>
            {
                long chunkStart = Convert.ToInt64(r.GetValue(0)) * StringChunks.Size;
                long length = r.GetBytes(1, 0, null, 0, 0);
                long start = Math.Max(chunkStart, offset), end = Math.Min(chunkStart + length, offset + target.Count);
                if (start < end)
                    r.GetBytes(1, start - chunkStart, target.Array, target.Offset + (int)(start - offset), (int)(end - start));
                return true;
            }, _id, from, to);
        }
    }

    private static void CopyChunk(long n, byte[] chunk, long offset, ArraySegment<byte> target)
    {
        long chunkStart = n * StringChunks.Size;
        long from = Math.Max(chunkStart, offset), to = Math.Min(chunkStart + chunk.Length, offset + target.Count);
        if (from < to) chunk.AsSpan((int)(from - chunkStart), (int)(to - from)).CopyTo(target.AsSpan((int)(from - offset)));
    }

    /// <summary>
    /// Writes bytes at an offset of the big value, a statement per <see cref="StringChunks.PerStatement"/> chunks. Chunks
    /// it covers only in part are read first (once per transaction); new chunks of zeros are not stored at all.
    /// </summary>
    private async Task WriteChunksAsync(long offset, ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        long end = offset + bytes.Length;
        long first = StringChunks.IndexOf(offset), last = StringChunks.IndexOf(end - 1);
        var rows = new List<object?>();
        for (long n = first; n <= last; n++)
        {
            long chunkStart = n * StringChunks.Size;
            long from = Math.Max(chunkStart, offset), to = Math.Min(chunkStart + StringChunks.Size, end);
            // Only bytes of the value that this write leaves in place need the stored chunk.
            bool keepsBytes = chunkStart < _size && (from > chunkStart || to < Math.Min(chunkStart + StringChunks.Size, _size));
            byte[] old = keepsBytes ? await StoredChunkAsync(n) : [];
            var patch = bytes.Slice((int)(from - offset), (int)(to - from));
            // Zeros need no row where none is stored: past the value's end, or in a chunk that is missing.
            if (old.Length == 0 && (keepsBytes || chunkStart >= _size) && !patch.Span.ContainsAnyExcept((byte)0)) continue;
            var chunk = new byte[Math.Max(old.Length, (int)(to - chunkStart))];
            old.CopyTo(chunk, 0);
            patch.Span.CopyTo(chunk.AsSpan((int)(from - chunkStart)));
            _chunks[n] = chunk;
            rows.Add(n);
            rows.Add(chunk);
            if (rows.Count == 2 * StringChunks.PerStatement) await FlushChunksAsync(rows);
        }
        if (rows.Count > 0) await FlushChunksAsync(rows);
        _size = Math.Max(_size, end);
    }

    private async Task<byte[]> StoredChunkAsync(long n)
    {
        if (_chunks.TryGetValue(n, out var known)) return known;
        var chunk = await _tx.QueryFirstAsync(StringStatements.SelectChunks, r => (byte[])r.GetValue(1), _id, n, n) ?? [];
        _chunks[n] = chunk;
        return chunk;
    }

    private async Task FlushChunksAsync(List<object?> rows)
    {
        await _tx.ExecuteAsync(StringStatements.UpsertChunks(rows.Count / 2), [_id, .. rows]);
        rows.Clear();
    }

    /// <summary>A row of <see cref="StringStatements.LockString"/>.</summary>
    private readonly record struct Row(long Id, KeyType Type, long? ExpiresAt, byte[]? Value, long? Size)
    {
        public static Row Read(System.Data.Common.DbDataReader r) => new(
            Convert.ToInt64(r.GetValue(0)),
            (KeyType)Convert.ToByte(r.GetValue(1)),
            r.IsDBNull(2) ? null : r.GetInt64(2),
            r.IsDBNull(3) ? null : (byte[])r.GetValue(3),
            r.IsDBNull(4) ? null : Convert.ToInt64(r.GetValue(4)));

        /// <summary>For a lookup where no row (the default) must not read as a row of id 0.</summary>
        public static Row? ReadOrNull(System.Data.Common.DbDataReader r) => Read(r);
    }
}
