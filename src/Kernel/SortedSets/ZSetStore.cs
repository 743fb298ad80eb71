using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// The write of a command that stores a sorted set it computed (ZRANGESTORE, ZUNIONSTORE, GEORADIUS ... STORE,
/// GEOSEARCHSTORE), in the command's transaction: whatever the destination holds is replaced, whatever its type, and
/// Redis's events follow.
/// </summary>
public static class ZSetStore
{
    /// <summary>
    /// Locks the source sorted set (WRONGTYPE when it holds another type; with the scores of <paramref name="members"/>
    /// as <see cref="LockedZSet.LockAsync"/> reads them) and the destination's row, in key order so two stores between
    /// the same keys never deadlock; tells whether a live destination will be replaced.
    /// </summary>
    public static async Task<(LockedZSet Source, bool ReplacesLive)> LockAsync(ISqlRunner tx, byte[] source, byte[] destination,
        long nowMs, IReadOnlyList<ZMember>? members = null)
    {
        int order = KeyBytesComparer.Instance.Compare(destination, source);
        var old = order < 0 ? await LockRowAsync(tx, destination).ConfigureAwait(false) : null;
        var zset = await LockedZSet.LockAsync(tx, source, nowMs, members).ConfigureAwait(false);
        if (order > 0) old = await LockRowAsync(tx, destination).ConfigureAwait(false);
        bool replacesLive = order == 0 ? zset.Key.Exists : old?.IsLiveAt(nowMs) == true;
        return (zset, replacesLive);
    }

    /// <summary>
    /// Deletes the destination's row (locked by the caller, any type), fills a fresh sorted set and raises Redis's event:
    /// <paramref name="eventName"/> when the result has members, else no key is left and "del" is raised when a live key
    /// was replaced. Returns the result's size.
    /// </summary>
    public static async Task<long> ReplaceAsync(ISqlRunner tx, byte[] destination, long nowMs, bool replacesLive, string eventName,
        Func<LockedZSet, Task> fill)
    {
        await tx.ExecuteAsync(KeyspaceStatements.DeleteKey, destination).ConfigureAwait(false);
        var zset = await LockedZSet.LockAsync(tx, destination, nowMs).ConfigureAwait(false);
        await fill(zset).ConfigureAwait(false);
        long size = zset.Size;
        await zset.SaveAsync().ConfigureAwait(false);
        if (size > 0) await tx.NotifyAsync(NotifyFlags.Zset, eventName, destination).ConfigureAwait(false);
        else if (replacesLive) await tx.NotifyAsync(NotifyFlags.Generic, "del", destination).ConfigureAwait(false);
        return size;
    }

    private static Task<KeyspaceRow?> LockRowAsync(ISqlRunner tx, byte[] key) =>
        tx.QueryFirstAsync(KeyspaceStatements.SelectForUpdate, KeyspaceRow.Read, key);
}
