using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.Events;

/// <summary>Statements of the event feed (migrations/0002_events.sql).</summary>
internal static class EventStatements
{
    /// <summary>Scoped by tenant and db for writers; the poller reads it unscoped, across tenants.</summary>
    public static readonly SqlTable Events = new("events", TableScope.TenantAndDb);

    private static readonly string[] Columns = ["id", "tenant", "db", "kind", "topic", "payload", "origin"];
    private static readonly ConcurrentDictionary<int, Statement> PollWithGapsByShape = new();

    /// <summary>Appends one event of the writer's tenant, in db @event_db (params: event_db, kind, topic, payload, origin, now).</summary>
    public static readonly Statement Append = SqlBuilder.Insert(Events).InDatabase("@event_db")
        .Value("kind", "@kind").Value("topic", "@topic").Value("payload", "@payload").Value("origin", "@origin")
        .Value("created_at", "@now").Build("events.append");

    /// <summary>The newest @batch events, newest first: where a poller that was idle starts (params: batch).</summary>
    public static readonly Statement Latest = SqlBuilder.From(Events).Unscoped().Select(Columns)
        .OrderBy("id DESC").Limit("@batch").Build("events.latest");

    /// <summary>Events after the cursor in id order (params: after, batch).</summary>
    public static readonly Statement After = SqlBuilder.From(Events).Unscoped().Select(Columns)
        .Where("id", ">", "@after").OrderBy("id").Limit("@batch").Build("events.after");

    /// <summary>
    /// Events after the cursor, and the ids below it that were missing when it passed them (params: after, g0..,
    /// batch): a transaction that took its id earlier but committed later is still read, once.
    /// </summary>
    public static Statement AfterWithGaps(int shape) => PollWithGapsByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(Events).Unscoped().Select(Columns)
            .WhereRaw($"id > @after OR id IN ({string.Join(", ", Enumerable.Range(0, n).Select(i => $"@g{i}"))})")
            .OrderBy("id").Limit("@batch").Build($"events.after_with_gaps_{n}"));

    private static readonly string MessageKinds = $"{(int)EventKind.Message}, {(int)EventKind.ShardMessage}";

    /// <summary>
    /// Deletes up to @batch events other than Pub/Sub messages older than @cutoff, across tenants (params: cutoff, batch).
    /// </summary>
    public static readonly Statement DeleteOlder = SqlBuilder.Delete(Events).Unscoped()
        .Where("created_at", "<", "@cutoff").WhereRaw($"kind NOT IN ({MessageKinds})").Limit("@batch").Build("events.delete_older");

    /// <summary>Deletes up to @batch Pub/Sub messages older than @cutoff, across tenants (params: cutoff, batch).</summary>
    public static readonly Statement DeleteOlderMessages = SqlBuilder.Delete(Events).Unscoped()
        .Where("created_at", "<", "@cutoff").WhereRaw($"kind IN ({MessageKinds})").Limit("@batch").Build("events.delete_older_messages");
}
