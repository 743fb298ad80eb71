using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// SORT and SORT_RO over lists, sets and sorted sets. The kernel knows no family: it reads the elements, the BY weights
/// and the GET values through the families' own commands (LLEN/LRANGE, SMEMBERS, ZCARD/ZRANGE, MGET, HGET), orders
/// them as Redis's sortCommandGeneric does, and STORE writes the result as a list in one transaction with Redis's
/// events (new, sortstore; del for an empty result) instead of those of the commands that wrote it.
/// </summary>
public sealed partial class KeyspaceCommands
{
    /// <summary>Keys per MGET when BY or GET reads string keys: a long element list costs a few reads, not one per element.</summary>
    private const int KeysPerLookup = 1000;

    [RedisCommand("sort", -2, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "generic",
        Summary = "Sorts the elements in a list, a set, or a sorted set, optionally storing the result.",
            AclCategories = "@set @sortedset @list @dangerous")]
    public async ValueTask Sort(CommandContext ctx)
    {
        var options = SortOptions.Parse(ctx, readOnly: false);
        if (options.StoreKey is not { } destination)
        {
            WriteSorted(ctx, await SortedAsync(ctx, options));
            return;
        }
        long stored = await Runner.RunAtomicallyAsync(ctx, async () => await StoreSortedAsync(ctx, destination, await SortedAsync(ctx, options)));
        ctx.Reply.WriteInteger(stored);
    }

    [RedisCommand("sort_ro", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "generic", Since = "7.0.0",
        Summary = "Returns the sorted elements of a list, a set, or a sorted set.", AclCategories = "@set @sortedset @list @dangerous")]
    public async ValueTask SortReadOnly(CommandContext ctx) => WriteSorted(ctx, await SortedAsync(ctx, SortOptions.Parse(ctx, readOnly: true)));

    private static void WriteSorted(CommandContext ctx, List<byte[]?> values)
    {
        ctx.Reply.WriteArrayHeader(values.Count);
        foreach (var value in values)
        {
            if (value is null) ctx.Reply.WriteNullBulk();
            else ctx.Reply.WriteBulkString(value);
        }
    }

    /// <summary>The reply's values: the selected elements, or for each of them the values of the GET patterns.</summary>
    private async Task<List<byte[]?>> SortedAsync(CommandContext ctx, SortOptions options)
    {
        var key = ctx.Arg(1);
        var type = System.Text.Encoding.ASCII.GetString((byte[])(await Internal.CallAsync(ctx, "TYPE", key))!);
        if (type is not ("none" or "list" or "set" or "zset")) throw new RedisException(RedisErrors.WrongType);
        // A set has no order of its own to keep, so what is stored is sorted (Redis does so for replication's sake).
        if (options.DontSort && type == "set" && options.StoreKey is not null)
        {
            options.DontSort = false;
            options.Alpha = true;
            options.By = null;
        }
        var selected = options.DontSort && type is "list" or "zset"
            ? await OrderedRangeAsync(ctx, key, type, options)
            : await SelectAsync(ctx, options, await ElementsAsync(ctx, key, type), sort: !options.DontSort);
        if (options.Gets.Count == 0) return [.. selected];
        var columns = new List<byte[]?[]>();
        foreach (var pattern in options.Gets) columns.Add(await LookupAsync(ctx, pattern, selected));
        var values = new List<byte[]?>(selected.Count * columns.Count);
        for (int i = 0; i < selected.Count; i++)
            foreach (var column in columns) values.Add(column[i]);
        return values;
    }

    /// <summary>A list's or a sorted set's own order, reversed by DESC, read only as far as LIMIT asks.</summary>
    private async Task<List<byte[]>> OrderedRangeAsync(CommandContext ctx, byte[] key, string type, SortOptions options)
    {
        long length = (long)(await Internal.CallAsync(ctx, type == "list" ? "LLEN" : "ZCARD", key))!;
        var (start, end) = options.Range(length);
        if (end < start) return [];
        if (type == "zset")
            return Elements(await Internal.CallAsync(ctx, "ZRANGE", [key, Number(start), Number(end), .. options.Descending ? ["REV"u8.ToArray()] : Array.Empty<byte[]>()]));
        if (!options.Descending) return Elements(await Internal.CallAsync(ctx, "LRANGE", key, Number(start), Number(end)));
        var fromTail = Elements(await Internal.CallAsync(ctx, "LRANGE", key, Number(length - 1 - end), Number(length - 1 - start)));
        fromTail.Reverse();
        return fromTail;
    }

    private async Task<List<byte[]>> ElementsAsync(CommandContext ctx, byte[] key, string type) => type switch
    {
        "list" => Elements(await Internal.CallAsync(ctx, "LRANGE", key, "0"u8.ToArray(), "-1"u8.ToArray())),
        "set" => Elements(await Internal.CallAsync(ctx, "SMEMBERS", key)),
        "zset" => Elements(await Internal.CallAsync(ctx, "ZRANGE", key, "0"u8.ToArray(), "-1"u8.ToArray())),
        _ => [],
    };

    /// <summary>The elements ordered by their weights (unless <paramref name="sort"/> is false), then LIMIT's part of them.</summary>
    private async Task<List<byte[]>> SelectAsync(CommandContext ctx, SortOptions options, List<byte[]> elements, bool sort)
    {
        if (sort) elements = await OrderAsync(ctx, options, elements);
        var (start, end) = options.Range(elements.Count);
        return end < start ? [] : elements.GetRange((int)start, (int)(end - start + 1));
    }

    private async Task<List<byte[]>> OrderAsync(CommandContext ctx, SortOptions options, List<byte[]> elements)
    {
        var weights = options.By is { } by ? await LookupAsync(ctx, by, elements) : null;
        var items = new SortItem[elements.Count];
        bool notNumbers = false;
        for (int i = 0; i < elements.Count; i++)
        {
            var weight = weights is null ? elements[i] : weights[i];
            double score = 0;
            // A missing weight key counts as 0 (numeric) or sorts first (ALPHA).
            if (!options.Alpha && weight is not null && !SortWeight.TryParse(weight, out score)) notNumbers = true;
            items[i] = new SortItem(elements[i], score, weights is null ? null : weight);
        }
        if (notNumbers) throw RedisException.Err("One or more scores can't be converted into double");
        var comparer = new SortItemComparer(options.Alpha, byPattern: weights is not null, binary: options.StoreKey is not null);
        // A stable sort, as glibc's qsort (a merge sort) is for Redis: equal weights keep the order they were read in.
        var ordered = options.Descending ? items.OrderByDescending(i => i, comparer) : items.OrderBy(i => i, comparer);
        return ordered.Select(i => i.Element).ToList();
    }

    /// <summary>
    /// The value a BY or GET pattern names for each element: the element for <c>#</c>, a string key's value (nil when
    /// missing or not a string), a hash field's (nil when missing or not a hash), or nil for a pattern without a star.
    /// </summary>
    private async Task<byte[]?[]> LookupAsync(CommandContext ctx, SortPattern pattern, IReadOnlyList<byte[]> elements)
    {
        var values = new byte[]?[elements.Count];
        if (pattern.IsElement) return [.. elements];
        if (!pattern.HasStar) return values;
        if (pattern.Field is { } field)
        {
            for (int i = 0; i < elements.Count; i++)
            {
                var reply = await Internal.RunAsync(ctx, "HGET"u8.ToArray(), pattern.KeyFor(elements[i]), field);
                values[i] = reply switch
                {
                    RespErrorReply error when error.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal) => null,
                    RespErrorReply error => throw new RedisException(error.Message),
                    _ => (byte[]?)reply,
                };
            }
            return values;
        }
        for (int start = 0; start < elements.Count; start += KeysPerLookup)
        {
            int count = Math.Min(KeysPerLookup, elements.Count - start);
            var keys = Enumerable.Range(start, count).Select(i => pattern.KeyFor(elements[i])).ToArray();
            var found = (object?[])(await Internal.CallAsync(ctx, "MGET", keys))!;
            for (int i = 0; i < count; i++) values[start + i] = (byte[]?)found[i];
        }
        return values;
    }

    /// <summary>Replaces <paramref name="destination"/> with a list of the values (nil as an empty string); the count stored.</summary>
    private async Task<long> StoreSortedAsync(CommandContext ctx, byte[] destination, List<byte[]?> values)
    {
        long deleted;
        using (ctx.Sql.WithoutNotifications())
        {
            deleted = (long)(await Internal.CallAsync(ctx, "DEL", destination))!;
            if (values.Count > 0) await Values.WriteAsync(ctx, destination, new RdbList(values.Select(v => v ?? [])));
        }
        if (values.Count > 0)
        {
            if (deleted == 0) await ctx.Sql.NotifyAsync(NotifyFlags.New, "new", destination);
            await ctx.Sql.NotifyAsync(NotifyFlags.List, "sortstore", destination);
        }
        else if (deleted > 0) await ctx.Sql.NotifyAsync(NotifyFlags.Generic, "del", destination);
        return values.Count;
    }

    private static List<byte[]> Elements(object? reply) => ((object?[])reply!).Select(e => (byte[])e!).ToList();

    private static byte[] Number(long n) => RedisNumbers.ToBytes(n);
}
