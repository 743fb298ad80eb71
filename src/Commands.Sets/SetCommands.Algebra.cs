using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>SINTER, SINTERCARD, SUNION, SDIFF and the STORE forms, computed by MySQL (<see cref="SetAlgebraStatements"/>).</summary>
public sealed partial class SetCommands
{
    [RedisCommand("sinter", -2, CommandFlags.ReadOnly, 1, -1, 1, Group = "set", Summary = "Returns the intersect of multiple sets.")]
    public ValueTask SInter(CommandContext ctx) => ReadAlgebraAsync(ctx, SetOperation.Inter);

    [RedisCommand("sunion", -2, CommandFlags.ReadOnly, 1, -1, 1, Group = "set", Summary = "Returns the union of multiple sets.")]
    public ValueTask SUnion(CommandContext ctx) => ReadAlgebraAsync(ctx, SetOperation.Union);

    [RedisCommand("sdiff", -2, CommandFlags.ReadOnly, 1, -1, 1, Group = "set", Summary = "Returns the difference of multiple sets.")]
    public ValueTask SDiff(CommandContext ctx) => ReadAlgebraAsync(ctx, SetOperation.Diff);

    [RedisCommand("sinterstore", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 1, Group = "set", Summary = "Stores the intersect of multiple sets in a key.")]
    public ValueTask SInterStore(CommandContext ctx) => StoreAlgebraAsync(ctx, SetOperation.Inter);

    [RedisCommand("sunionstore", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 1, Group = "set", Summary = "Stores the union of multiple sets in a key.")]
    public ValueTask SUnionStore(CommandContext ctx) => StoreAlgebraAsync(ctx, SetOperation.Union);

    [RedisCommand("sdiffstore", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, -1, 1, Group = "set", Summary = "Stores the difference of multiple sets in a key.")]
    public ValueTask SDiffStore(CommandContext ctx) => StoreAlgebraAsync(ctx, SetOperation.Diff);

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0), as for its other numkeys commands.</summary>
    [RedisCommand("sintercard", -3, CommandFlags.ReadOnly, Group = "set", Since = "7.0.0", Summary = "Returns the number of members of the intersect of multiple sets.")]
    public async ValueTask SInterCard(CommandContext ctx)
    {
        if (!RedisNumbers.TryParseInt64(ctx.Arg(1), out long numKeys) || numKeys < 1)
            throw RedisException.Err("numkeys should be greater than 0");
        if (numKeys > ctx.Count - 2) throw RedisException.Err("Number of keys can't be greater than number of args");
        long limit = 0;
        for (int i = 2 + (int)numKeys; i < ctx.Count; i++)
        {
            if (!ctx.ArgIs(i, "LIMIT") || i + 1 >= ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out limit) || limit < 0) throw RedisException.Err("LIMIT can't be negative");
        }
        var query = await ResolveAsync(ctx, SetOperation.Inter, ctx.Args.Skip(2).Take((int)numKeys).ToList());
        long count = query switch
        {
            null => 0,
            _ when limit == 0 => await ctx.Sql.QueryFirstAsync(SetAlgebraStatements.InterCard(query.Shape),
                r => Convert.ToInt64(r.GetValue(0)), query.Bind([])),
            _ => (await ctx.Sql.QueryListAsync(SetAlgebraStatements.InterCardLimited(query.Shape), r => true, query.Bind([], limit))).Count,
        };
        ctx.Reply.WriteInteger(count);
    }

    private static async ValueTask ReadAlgebraAsync(CommandContext ctx, SetOperation operation)
    {
        var query = await ResolveAsync(ctx, operation, ctx.Args.Skip(1).ToList());
        var members = query is null
            ? []
            : await ctx.Sql.QueryListAsync(SetAlgebraStatements.Select(operation, query.Shape), r => (byte[])r.GetValue(1), query.Bind([]));
        WriteMembers(ctx, members);
    }

    /// <summary>
    /// One transaction: lock the destination and the sources, delete the destination whatever its type (its
    /// members are left to the collector, so a source that is also the destination is still readable by its old
    /// id), create a fresh set and fill it with INSERT ... SELECT. An empty result leaves no key. Replies the size.
    /// </summary>
    private static async ValueTask StoreAlgebraAsync(CommandContext ctx, SetOperation operation)
    {
        byte[] destinationKey = ctx.Arg(1);
        var sourceKeys = ctx.Args.Skip(2).ToList();
        long size = await ctx.Sql.TransactionAsync(async tx =>
        {
            var rows = await LockKeysAsync(tx, [destinationKey, .. sourceKeys]);
            var query = SetAlgebraQuery.Resolve(operation, sourceKeys, rows, ctx.NowMs);
            var old = rows.FirstOrDefault(r => r.Key.AsSpan().SequenceEqual(destinationKey));
            if (old is not null) await tx.ExecuteAsync(KeyspaceStatements.DeleteKey, destinationKey);
            long stored = 0;
            if (query is not null)
            {
                var destination = await CollectionKey.LockAsync(tx, destinationKey, SetStatements.Sizes, ctx.NowMs);
                long id = await destination.EnsureCreatedAsync();
                stored = await tx.ExecuteAsync(SetAlgebraStatements.Store(operation, query.Shape), query.Bind([id]));
                if (stored == 0) await destination.DeleteAsync();
                else await destination.ResizeAsync(stored);
            }
            // An empty result deletes the destination: Redis raises del then, and only when there was a live key.
            if (stored > 0) await tx.NotifyAsync(NotifyFlags.Set, StoreEvent(operation), destinationKey);
            else if (old is not null && old.IsLiveAt(ctx.NowMs)) await tx.NotifyAsync(NotifyFlags.Generic, "del", destinationKey);
            return stored;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(size);
    }

    private static string StoreEvent(SetOperation operation) => operation switch
    {
        SetOperation.Inter => "sinterstore",
        SetOperation.Union => "sunionstore",
        _ => "sdiffstore",
    };

    /// <summary>Resolves the visible source keys in one statement (WRONGTYPE for a non-set) into the query to run.</summary>
    private static async Task<SetAlgebraQuery?> ResolveAsync(CommandContext ctx, SetOperation operation, List<byte[]> sourceKeys)
    {
        var distinct = sourceKeys.DistinctBy(Convert.ToHexString).ToList();
        var rows = await ctx.Sql.QueryListAsync(KeyRowStatements.SelectKeys(InListShape.For(distinct.Count)), KeyRow.Read,
            [.. InListShape.Padded(distinct), ctx.NowMs]);
        return SetAlgebraQuery.Resolve(operation, sourceKeys, rows, ctx.NowMs);
    }
}
