using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// A collection key's keyspace row, locked for the rest of a transaction and seen as Redis sees it: an expired row is
/// absent, another live type is WRONGTYPE. Writers call <see cref="EnsureCreatedAsync"/> before adding children and, for
/// a key locked with its <see cref="SizeTable"/>, <see cref="ResizeAsync"/> after adding or removing some, which keeps
/// the count and deletes a key left empty, so an empty collection never exists.
/// </summary>
public sealed class CollectionKey
{
    private readonly ISqlRunner _tx;
    private readonly SizeTable? _sizes;
    private KeyspaceRow? _stored;

    private CollectionKey(ISqlRunner tx, byte[] key, KeyType type, KeyspaceRow? stored, long nowMs, SizeTable? sizes = null, long size = 0)
    {
        _tx = tx;
        _sizes = sizes;
        Key = key;
        Type = type;
        _stored = stored;
        Exists = stored is not null && stored.IsLiveAt(nowMs);
        if (Exists && stored!.Type != type) throw new RedisException(RedisErrors.WrongType);
        Size = Exists ? size : 0;
    }

    public byte[] Key { get; }
    public KeyType Type { get; }

    /// <summary>True when the key holds a live collection of <see cref="Type"/>.</summary>
    public bool Exists { get; private set; }

    /// <summary>The keyspace id children hang off; only meaningful when <see cref="Exists"/>.</summary>
    public long Id => Exists ? _stored!.Id : throw new InvalidOperationException("the key does not exist");

    public long? ExpiresAt => Exists ? _stored!.ExpiresAt : null;

    /// <summary>Members of a key locked with its size table; 0 when the key does not exist.</summary>
    public long Size { get; private set; }

    /// <summary>
    /// Locks the key's row (live, expired or missing), checks its type against <paramref name="sizes"/>' and reads its
    /// size, in one round trip.
    /// </summary>
    public static async Task<CollectionKey> LockAsync(ISqlRunner tx, byte[] key, SizeTable sizes, long nowMs)
    {
        var row = await tx.QueryFirstAsync(sizes.LockKey,
            r => (Key: KeyspaceRow.Read(r), Size: r.IsDBNull(4) ? 0 : Convert.ToInt64(r.GetValue(4))), key).ConfigureAwait(false);
        return new CollectionKey(tx, key, sizes.Children.Type, row.Key, nowMs, sizes, row.Size);
    }

    /// <summary>
    /// A key whose row (live, expired or missing: null) the caller locked itself, with a statement that also read the
    /// family's own columns in the same round trip; checks its type like <see cref="LockAsync"/>.
    /// </summary>
    public static CollectionKey FromLockedRow(ISqlRunner tx, byte[] key, KeyType type, KeyspaceRow? row, long nowMs) =>
        new(tx, key, type, row, nowMs);

    /// <summary>
    /// Makes the key exist as an empty collection and returns its id. An expired row is replaced by a new row with a
    /// new id, so children of the dead value (still waiting for the collector) never reappear. With no row at all
    /// it is a plain insert: a racing creation fails on the duplicate key and the executor retries the transaction.
    /// </summary>
    public async Task<long> EnsureCreatedAsync()
    {
        if (Exists) return _stored!.Id;
        if (_stored is not null) await _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key).ConfigureAwait(false);
        long id = await _tx.InsertAsync(KeyspaceStatements.InsertCollection, Key, (int)Type).ConfigureAwait(false);
        _stored = new KeyspaceRow(id, Type, null, null);
        Exists = true;
        Size = 0;
        await _tx.NotifyAsync(NotifyFlags.New, "new", Key).ConfigureAwait(false);
        return id;
    }

    /// <summary>
    /// Records that the caller added (<paramref name="delta"/> &gt; 0, after <see cref="EnsureCreatedAsync"/>) or removed
    /// members: writes the new size, or deletes the key when none is left. Returns whether it deleted the key.
    /// </summary>
    public async Task<bool> ResizeAsync(long delta)
    {
        if (_sizes is null) throw new InvalidOperationException("the key was not locked with its size table");
        if (delta == 0 || !Exists) return false;
        Size += delta;
        if (Size > 0)
        {
            await _tx.ExecuteAsync(_sizes.Upsert, Id, Size).ConfigureAwait(false);
            return false;
        }
        await DeleteAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes the key (its children are left to the collector).</summary>
    public async Task DeleteAsync()
    {
        if (!Exists) return;
        await _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key).ConfigureAwait(false);
        Exists = false;
        Size = 0;
    }
}
