using System.Text;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Notifications;

/// <summary>The Pub/Sub messages of one keyspace event, as Redis publishes them: keyspace channel first, then keyevent.</summary>
public static class KeyspaceMessages
{
    /// <summary>
    /// For an event of class <paramref name="type"/> named <paramref name="eventName"/> on <paramref name="key"/> in
    /// <paramref name="db"/>: <c>__keyspace@db__:key</c> with the event name (K) and <c>__keyevent@db__:event</c> with
    /// the key (E), each only when the tenant's flags ask for it and its class.
    /// </summary>
    public static List<(EventKind Kind, byte[] Topic, byte[] Payload)> For(NotifyFlags flags, NotifyFlags type, string eventName,
        byte[] key, int db)
    {
        var messages = new List<(EventKind, byte[], byte[])>(2);
        if (!Wanted(flags, type)) return messages;
        var name = Encoding.ASCII.GetBytes(eventName);
        if (flags.HasFlag(NotifyFlags.Keyspace))
            messages.Add((EventKind.Message, [.. Encoding.ASCII.GetBytes($"__keyspace@{db}__:"), .. key], name));
        if (flags.HasFlag(NotifyFlags.Keyevent))
            messages.Add((EventKind.Message, [.. Encoding.ASCII.GetBytes($"__keyevent@{db}__:"), .. name], key));
        return messages;
    }

    /// <summary>Whether <paramref name="flags"/> publish events of class <paramref name="type"/> on any channel.</summary>
    public static bool Wanted(NotifyFlags flags, NotifyFlags type) =>
        (flags & type) != 0 && (flags & (NotifyFlags.Keyspace | NotifyFlags.Keyevent)) != 0;

    /// <summary>
    /// <see cref="ISqlRunner.NotifyAsync"/> for both runners: the tenant's flags (cached), then the messages through
    /// <paramref name="sql"/> in its transaction; nothing without a feed (maintenance executors).
    /// </summary>
    internal static async Task PublishAsync(ISqlRunner sql, EventFeed? feed, SqlScope scope, NotifyFlags type, string eventName,
        byte[] key, int? db)
    {
        if (feed is null) return;
        var flags = await feed.Notifications.FlagsAsync(sql, scope.Tenant).ConfigureAwait(false);
        var messages = For(flags, type, eventName, key, db ?? scope.Db);
        if (messages.Count > 0) await sql.AppendEventsAsync(messages).ConfigureAwait(false);
    }
}
