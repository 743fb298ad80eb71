using Microsoft.Extensions.DependencyInjection;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// The generic keyspace commands. They touch only keyspace rows: a collection's child rows hang off the row's id, so
/// deleting, expiring, renaming or moving a key is O(1) and the collector reclaims orphaned children later.
/// This file holds DEL, UNLINK, EXISTS, TOUCH and TYPE; the other groups are in the partial files beside it.
/// </summary>
public sealed partial class KeyspaceCommands(ProxyOptions options, IServiceProvider services) : ICommandFamily
{
    private ChildTableRegistry? _childTables;

    /// <summary>Resolved on first use: the registry is built from the families, this one included.</summary>
    private ChildTableRegistry ChildTables => _childTables ??= services.GetRequiredService<ChildTableRegistry>();

    /// <summary>How many logical databases MOVE and COPY ... DB may name (0 to Databases - 1).</summary>
    private readonly int _databases = options.Databases;

    public string Name => "keyspace";

    [RedisCommand("del", -2, CommandFlags.Write, 1, -1, 1, Group = "generic", Summary = "Deletes one or more keys.")]
    public ValueTask Del(CommandContext ctx) => DeleteAsync(ctx);

    [RedisCommand("unlink", -2, CommandFlags.Write | CommandFlags.Fast, 1, -1, 1, Group = "generic", Since = "4.0.0",
        Summary = "Asynchronously deletes one or more keys.")]
    public ValueTask Unlink(CommandContext ctx) => DeleteAsync(ctx);

    [RedisCommand("exists", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, -1, 1, Group = "generic",
        Summary = "Determines whether one or more keys exist.")]
    public ValueTask Exists(CommandContext ctx) => CountLiveAsync(ctx);

    /// <summary>There is no access clock to update, so TOUCH only counts like EXISTS.</summary>
    [RedisCommand("touch", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, -1, 1, Group = "generic", Since = "3.2.1",
        Summary = "Returns the number of existing keys out of those specified after updating the time they were last accessed.")]
    public ValueTask Touch(CommandContext ctx) => CountLiveAsync(ctx);

    [RedisCommand("type", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "generic",
        Summary = "Determines the type of value stored at a key.")]
    public ValueTask Type(CommandContext ctx) => ctx.RunPlanAsync(PlanType(ctx));

    /// <summary>
    /// One statement for up to <see cref="InListShape.MaxPerStatement"/> keys, in key order; more take one transaction.
    /// A key named twice is deleted (and counted) once, as in Redis.
    /// </summary>
    private static async ValueTask DeleteAsync(CommandContext ctx)
    {
        if (await ctx.Sql.NotifiesAsync(NotifyFlags.Generic))
        {
            ctx.Reply.WriteInteger(await DeleteNotifyingAsync(ctx));
            return;
        }
        var keys = KeyArgs(ctx).Distinct(KeyBytesComparer.Instance).Order(KeyBytesComparer.Instance).ToList();
        var chunks = InListShape.PaddedChunks(keys).ToList();
        int deleted = chunks.Count == 1
            ? await DeleteChunkAsync(ctx.Sql, chunks[0], ctx.NowMs)
            : await ctx.Sql.TransactionAsync(async tx =>
            {
                int total = 0;
                foreach (var chunk in chunks) total += await DeleteChunkAsync(tx, chunk, ctx.NowMs);
                return total;
            }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(deleted);
    }

    /// <summary>DEL with keyspace notifications on: key by key in argument order, a <c>del</c> event for each one deleted.</summary>
    private static Task<int> DeleteNotifyingAsync(CommandContext ctx) => ctx.Sql.TransactionAsync(async tx =>
    {
        int deleted = 0;
        foreach (var key in KeyArgs(ctx).Distinct(KeyBytesComparer.Instance))
        {
            if (await tx.ExecuteAsync(DeleteLive(1), [key, ctx.NowMs]) == 0) continue;
            deleted++;
            await tx.NotifyAsync(NotifyFlags.Generic, "del", key);
        }
        return deleted;
    }, ctx.Sql.Retry.Set);

    private static Task<int> DeleteChunkAsync(ISqlRunner sql, byte[][] keys, long nowMs) =>
        sql.ExecuteAsync(DeleteLive(keys.Length), [.. keys, nowMs]);

    /// <summary>The live keys, read in chunks of distinct keys; a key named twice counts twice, as in Redis.</summary>
    private static async ValueTask CountLiveAsync(CommandContext ctx)
    {
        var keys = KeyArgs(ctx);
        var live = new HashSet<byte[]>(KeyBytesComparer.Instance);
        foreach (var chunk in InListShape.PaddedChunks(keys.Distinct(KeyBytesComparer.Instance).ToList()))
            live.UnionWith(await ctx.Sql.QueryListAsync(SelectLiveStates(chunk.Length), r => (byte[])r.GetValue(0), [.. chunk, ctx.NowMs]));
        int found = keys.Count(live.Contains);
        ctx.Reply.NoteMissing(keys.Length - found);
        ctx.Reply.WriteInteger(found);
    }

    private static byte[][] KeyArgs(CommandContext ctx) => ctx.Args.Skip(1).ToArray();
}
