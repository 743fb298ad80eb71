using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// A key's keyspace row, locked for the rest of a transaction and seen as Redis sees it: an expired row is absent.
/// Read-modify-write commands decide everything from it and write back through it.
/// </summary>
internal sealed class LockedKey
{
    private readonly ISqlRunner _tx;
    private readonly KeyspaceRow? _stored;
    private readonly KeyspaceRow? _live;

    private LockedKey(ISqlRunner tx, byte[] key, KeyspaceRow? stored, long nowMs)
    {
        _tx = tx;
        Key = key;
        _stored = stored;
        _live = stored is not null && stored.IsLiveAt(nowMs) ? stored : null;
    }

    public byte[] Key { get; }

    /// <summary>True when the key holds a live value of any type.</summary>
    public bool Exists => _live is not null;

    /// <summary>Expiry of the live value, kept by commands that modify a string in place.</summary>
    public long? ExpiresAt => _live?.ExpiresAt;

    public static async Task<LockedKey> LockAsync(ISqlRunner tx, byte[] key, long nowMs)
    {
        var row = await tx.QueryFirstAsync(KeyspaceStatements.SelectForUpdate, KeyspaceRow.Read, key);
        return new LockedKey(tx, key, row, nowMs);
    }

    /// <summary>
    /// Locks several keys in key order (one statement per <see cref="InListShape.MaxPerStatement"/> keys); the result
    /// has one entry per distinct key.
    /// </summary>
    public static async Task<List<LockedKey>> LockAllAsync(ISqlRunner tx, KeyList keys, long nowMs)
    {
        var byKey = new Dictionary<byte[], KeyspaceRow>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(keys.Keys))
        {
            var rows = await tx.QueryListAsync(StringStatements.LockMany(chunk.Length),
                r => (Key: (byte[])r.GetValue(4), Row: KeyspaceRow.Read(r)), [.. chunk]);
            foreach (var (key, row) in rows) byKey[key] = row;
        }
        return keys.Keys.Select(k => new LockedKey(tx, k, byKey.GetValueOrDefault(k), nowMs)).ToList();
    }

    /// <summary>The string value, null when the key is absent; WRONGTYPE when it holds another type.</summary>
    public byte[]? StringValue()
    {
        if (_live is null) return null;
        if (_live.Type != KeyType.String) throw new RedisException(RedisErrors.WrongType);
        return _live.Value ?? [];
    }

    /// <summary>
    /// Stores a string, replacing whatever the key held. With no row yet it is a plain insert, so a racing
    /// creation of the same key fails the transaction (duplicate key) and the retry sees that row.
    /// </summary>
    public async Task WriteAsync(byte[] value, long? expiresAt)
    {
        if (!Exists) await _tx.NotifyAsync(NotifyFlags.New, "new", Key);
        await _tx.ExecuteAsync(_stored is null ? KeyspaceStatements.InsertString : KeyspaceStatements.UpsertString, Key, value, expiresAt);
    }

    /// <summary>Appends to the live string value (check <see cref="StringValue"/> first).</summary>
    public Task AppendAsync(byte[] suffix) => _tx.ExecuteAsync(StringStatements.AppendValue, suffix, Key);

    /// <summary>Sets or clears the expiry of the live value.</summary>
    public Task SetExpiryAsync(long? expiresAt, long nowMs) =>
        _tx.ExecuteAsync(KeyspaceStatements.SetExpiry, expiresAt, Key, nowMs);

    public Task DeleteAsync() => _tx.ExecuteAsync(KeyspaceStatements.DeleteKey, Key);
}
