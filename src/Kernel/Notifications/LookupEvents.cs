using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Notifications;

/// <summary>
/// The events Redis raises while it looks a command's keys up, which no family's statement can see because every read
/// filters expired rows out: <c>expired</c> when a named key has expired (Redis deletes it then, before the command
/// runs, and so does this), and <c>keymiss</c> when a read-only command finds a key missing. Only tenants whose
/// notify-keyspace-events asks for x or m pay for it: one indexed read of the keys' expiries per keyed command.
/// </summary>
public sealed class LookupEvents
{
    private static readonly ConcurrentDictionary<int, Statement> SelectExpiriesByShape = new();

    /// <summary>One key of the session's tenant and db, if it is still expired (params: k, now).</summary>
    public static readonly Statement DeleteIfExpired = SqlBuilder.Delete(SqlTable.Keyspace)
        .Where("k", "=", "@k").WhereRaw("expires_at IS NOT NULL AND expires_at <= @now").Build("lookup.delete_if_expired");

    private readonly List<byte[]> _missing;

    private LookupEvents(List<byte[]> missing) => _missing = missing;

    /// <summary>Each key's row and expiry, expired or not (params: k × shape).</summary>
    internal static Statement SelectExpiries(int shape) => SelectExpiriesByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Select("k", "expires_at").WhereIn("k", "@k", n).Build($"lookup.select_expiries_{n}"));

    /// <summary>
    /// Whether a command of <paramref name="entry"/> may raise lookup events for a tenant with <paramref name="flags"/>;
    /// the dispatcher keeps such commands out of merged plans so <see cref="BeforeAsync"/> sees each of them.
    /// </summary>
    public static bool Raises(CommandEntry entry, NotifyFlags flags) =>
        entry.FirstKey > 0 && (KeyspaceMessages.Wanted(flags, NotifyFlags.Expired)
            || (entry.Has(CommandFlags.ReadOnly) && KeyspaceMessages.Wanted(flags, NotifyFlags.KeyMiss)));

    /// <summary>
    /// Before the command runs: deletes its expired keys, each in a transaction that publishes <c>expired</c>, and
    /// notes which keys a read will miss. Null, after one cached lookup, for a tenant that asks for neither event.
    /// </summary>
    public static async Task<LookupEvents?> BeforeAsync(SqlExecutor sql, CommandEntry entry, List<byte[]> args, long nowMs)
    {
        var flags = await sql.NotifyFlagsAsync().ConfigureAwait(false);
        if (!Raises(entry, flags)) return null;
        var keys = entry.KeyIndexes(args.Count).Select(i => args[i]).ToList();
        if (keys.Count == 0) return null;
        var expiries = await ReadExpiriesAsync(sql, keys).ConfigureAwait(false);
        var missing = new List<byte[]>();
        var deleted = new HashSet<byte[]>(KeyBytesComparer.Instance);
        foreach (var key in keys)
        {
            bool exists = expiries.TryGetValue(key, out var expiresAt);
            bool expired = exists && expiresAt <= nowMs;
            if (expired && KeyspaceMessages.Wanted(flags, NotifyFlags.Expired) && deleted.Add(key))
                await DeleteExpiredAsync(sql, key, nowMs).ConfigureAwait(false);
            if (!exists || expired) missing.Add(key);
        }
        bool reportsMisses = entry.Has(CommandFlags.ReadOnly) && KeyspaceMessages.Wanted(flags, NotifyFlags.KeyMiss);
        return new LookupEvents(reportsMisses ? missing : []);
    }

    /// <summary>The expiry of each of <paramref name="keys"/> that has a row, expired or not (null: persistent).</summary>
    internal static async Task<Dictionary<byte[], long?>> ReadExpiriesAsync(ISqlRunner sql, IEnumerable<byte[]> keys)
    {
        var expiries = new Dictionary<byte[], long?>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(keys.Distinct(KeyBytesComparer.Instance).ToList()))
        {
            var rows = await sql.QueryListAsync(SelectExpiries(chunk.Length),
                r => ((byte[])r.GetValue(0), r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), [.. chunk]).ConfigureAwait(false);
            foreach (var (key, expiresAt) in rows) expiries[key] = expiresAt;
        }
        return expiries;
    }

    /// <summary>After the command answered without an error: a <c>keymiss</c> per key argument the read found missing.</summary>
    public async Task AfterAsync(SqlExecutor sql)
    {
        foreach (var key in _missing) await sql.NotifyAsync(NotifyFlags.KeyMiss, "keymiss", key).ConfigureAwait(false);
    }

    /// <summary>Deletes <paramref name="key"/> if it is still expired and publishes <c>expired</c>, in one transaction; whether it did.</summary>
    public static Task<bool> DeleteExpiredAsync(SqlExecutor sql, byte[] key, long nowMs) => sql.TransactionAsync(async tx =>
    {
        if (await tx.ExecuteAsync(DeleteIfExpired, key, nowMs).ConfigureAwait(false) == 0) return false;
        await tx.NotifyAsync(NotifyFlags.Expired, "expired", key).ConfigureAwait(false);
        return true;
    }, sql.Retry.Set);
}
