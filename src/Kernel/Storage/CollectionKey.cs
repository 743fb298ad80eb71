using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Storage;

/// <summary>
/// A collection key's keyspace row, locked for the rest of a transaction and seen as Redis sees it: an expired row is
/// absent, another live type is WRONGTYPE. Writers call <see cref="EnsureCreatedAsync"/> before adding children and
/// <see cref="DeleteIfEmptyAsync"/> after removing some, so an empty collection never exists.
/// </summary>
public sealed class CollectionKey
{
    private readonly ISqlRunner _tx;
    private KeyspaceRow? _stored;

    private CollectionKey(ISqlRunner tx, byte[] key, KeyType type, KeyspaceRow? stored, long nowMs)
    {
        _tx = tx;
        Key = key;
        Type = type;
        _stored = stored;
        Exists = stored is not null && stored.IsLiveAt(nowMs);
        if (Exists && stored!.Type != type) throw new RedisException(RedisErrors.WrongType);
    }

    public byte[] Key { get; }
    public KeyType Type { get; }

    /// <summary>True when the key holds a live collection of <see cref="Type"/>.</summary>
    public bool Exists { get; private set; }

    /// <summary>The keyspace id children hang off; only meaningful when <see cref="Exists"/>.</summary>
    public long Id => Exists ? _stored!.Id : throw new InvalidOperationException("the key does not exist");

    public long? ExpiresAt => Exists ? _stored!.ExpiresAt : null;

    /// <summary>Locks the key's row (live, expired or missing) and checks its type.</summary>
    public static async Task<CollectionKey> LockAsync(ISqlRunner tx, byte[] key, KeyType type, long nowMs)
    {
        var row = await tx.QueryFirstAsync(KeyspaceStatements.SelectForUpdate, KeyspaceRow.Read, key).ConfigureAwait(false);
        return new CollectionKey(tx, key, type, row, nowMs);
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
        await _tx.NotifyAsync(NotifyFlags.New, "new", Key).ConfigureAwait(false);
        return id;
    }

    /// <summary>Deletes the key when no child is left in <paramref name="children"/>; returns whether it did.</summary>
    public async Task<bool> DeleteIfEmptyAsync(ChildTable children)
    {
        if (!Exists) return false;
        var any = await _tx.QueryFirstAsync(children.SelectAnyChild, r => true, Id).ConfigureAwait(false);
        if (any) return false;
        await _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key).ConfigureAwait(false);
        Exists = false;
        return true;
    }

    /// <summary>Deletes the key (its children are left to the collector).</summary>
    public async Task DeleteAsync()
    {
        if (!Exists) return;
        await _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key).ConfigureAwait(false);
        Exists = false;
    }
}
