using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>Redis ACL categories of a command, derived from its flags and group (there is no ACL table of our own).</summary>
internal static class AclCategories
{
    public static IReadOnlyList<string> Of(CommandEntry entry)
    {
        var categories = new List<string>();
        if (entry.Has(CommandFlags.Write)) categories.Add("@write");
        if (entry.Has(CommandFlags.ReadOnly)) categories.Add("@read");
        // A command's own categories (Redis's acl_categories) stand in for the one its group implies.
        var own = entry.AclCategories.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (own.Length > 0) categories.AddRange(own.Where(c => !categories.Contains(c)));
        else if (OfGroup(entry.Group) is { } group) categories.Add(group);
        if (entry.Has(CommandFlags.PubSub) && !categories.Contains("@pubsub")) categories.Add("@pubsub");
        if (entry.Has(CommandFlags.Admin)) categories.Add("@admin");
        categories.Add(entry.Has(CommandFlags.Fast) ? "@fast" : "@slow");
        if (entry.Has(CommandFlags.Blocking)) categories.Add("@blocking");
        if (entry.Has(CommandFlags.Admin) && !categories.Contains("@dangerous")) categories.Add("@dangerous");
        return categories.OrderBy(c => Array.IndexOf(RedisOrder, c)).ToList();
    }

    /// <summary>Redis lists a command's categories in the order of its ACL category table, whatever their origin.</summary>
    private static readonly string[] RedisOrder =
    [
        "@keyspace", "@read", "@write", "@set", "@sortedset", "@list", "@hash", "@string", "@bitmap", "@hyperloglog", "@geo",
        "@stream", "@pubsub", "@admin", "@fast", "@slow", "@blocking", "@dangerous", "@connection", "@transaction", "@scripting",
    ];

    /// <summary>The category of a Redis command group, tolerant of "sorted-set" / "sorted_set" / "sortedset".</summary>
    private static string? OfGroup(string group) => group.ToLowerInvariant().Replace("-", "").Replace("_", "") switch
    {
        "generic" or "keyspace" => "@keyspace",
        "string" or "strings" => "@string",
        "hash" or "hashes" => "@hash",
        "list" or "lists" => "@list",
        "set" or "sets" => "@set",
        "sortedset" or "sortedsets" or "zset" => "@sortedset",
        "bitmap" => "@bitmap",
        "hyperloglog" => "@hyperloglog",
        "geo" => "@geo",
        "stream" or "streams" => "@stream",
        "pubsub" => "@pubsub",
        "connection" => "@connection",
        "transactions" or "transaction" => "@transaction",
        "scripting" => "@scripting",
        _ => null,
    };
}
