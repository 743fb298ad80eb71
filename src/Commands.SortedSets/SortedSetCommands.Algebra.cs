using Microsoft.Extensions.DependencyInjection;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD, computed by MySQL (<see cref="AlgebraStatements"/>). Plain
/// sets are inputs with score 1, read from the member table the sets family declares to the kernel.
/// </summary>
public sealed partial class SortedSetCommands
{
    private AlgebraStatements? _algebra;

    /// <summary>Built on first use: the kernel's table registry is made from the families, this one included.</summary>
    private AlgebraStatements Algebra => _algebra ??=
        new AlgebraStatements(services.GetRequiredService<ChildTableRegistry>().MembersOf(KeyType.Set));

    /// <summary>Keys come after numkeys, so Redis reports no fixed key positions (0, 0, 0).</summary>
    [RedisCommand("zunion", -3, CommandFlags.ReadOnly, Group = "sorted_set", Since = "6.2.0", Summary = "Returns the union of multiple sorted sets.")]
    public ValueTask ZUnion(CommandContext ctx) => ReadAlgebraAsync(ctx, AlgebraOperation.Union);

    [RedisCommand("zinter", -3, CommandFlags.ReadOnly, Group = "sorted_set", Since = "6.2.0", Summary = "Returns the intersect of multiple sorted sets.")]
    public ValueTask ZInter(CommandContext ctx) => ReadAlgebraAsync(ctx, AlgebraOperation.Inter);

    [RedisCommand("zdiff", -3, CommandFlags.ReadOnly, Group = "sorted_set", Since = "6.2.0", Summary = "Returns the difference between multiple sorted sets.")]
    public ValueTask ZDiff(CommandContext ctx) => ReadAlgebraAsync(ctx, AlgebraOperation.Diff);

    [RedisCommand("zunionstore", -4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "sorted_set", Since = "2.0.0", Summary = "Stores the union of multiple sorted sets in a key.")]
    public ValueTask ZUnionStore(CommandContext ctx) => StoreAlgebraAsync(ctx, AlgebraOperation.Union, "zunionstore");

    [RedisCommand("zinterstore", -4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "sorted_set", Since = "2.0.0", Summary = "Stores the intersect of multiple sorted sets in a key.")]
    public ValueTask ZInterStore(CommandContext ctx) => StoreAlgebraAsync(ctx, AlgebraOperation.Inter, "zinterstore");

    [RedisCommand("zdiffstore", -4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "sorted_set", Since = "6.2.0", Summary = "Stores the difference of multiple sorted sets in a key.")]
    public ValueTask ZDiffStore(CommandContext ctx) => StoreAlgebraAsync(ctx, AlgebraOperation.Diff, "zdiffstore");

    [RedisCommand("zintercard", -3, CommandFlags.ReadOnly, Group = "sorted_set", Since = "7.0.0", Summary = "Returns the number of members of the intersect of multiple sorted sets.")]
    public async ValueTask ZInterCard(CommandContext ctx)
    {
        var arguments = AlgebraArguments.Parse(ctx, 1, AlgebraOperation.Inter, store: false, cardinality: true);
        var query = await ResolveAsync(ctx, AlgebraOperation.Inter, arguments);
        long count = query switch
        {
            null => 0,
            _ when arguments.Limit == 0 => await ctx.Sql.QueryFirstAsync(Algebra.InterCard(query.Shape),
                r => Convert.ToInt64(r.GetValue(0)), query.Bind(Algebra.InterCard(query.Shape))),
            _ => (await ctx.Sql.QueryListAsync(Algebra.InterCardLimited(query.Shape), r => true,
                query.Bind(Algebra.InterCardLimited(query.Shape), ("limit", arguments.Limit)))).Count,
        };
        ctx.Reply.WriteInteger(count);
    }

    private async ValueTask ReadAlgebraAsync(CommandContext ctx, AlgebraOperation operation)
    {
        var arguments = AlgebraArguments.Parse(ctx, 1, operation, store: false, cardinality: false);
        var query = await ResolveAsync(ctx, operation, arguments);
        List<ZEntry> entries = [];
        if (query is not null)
        {
            var statement = Algebra.Select(operation, arguments.Aggregate, query.Shape);
            entries = await ctx.Sql.QueryListAsync(statement, r => new ZEntry(
                ZMember.Stored((byte[])r.GetValue(1), (byte[])r.GetValue(0)), ScoreColumns.Read(r, 2)), query.Bind(statement));
            entries.Sort(ZEntry.Compare);
        }
        WriteEntries(ctx, entries, arguments.WithScores);
    }

    /// <summary>
    /// One transaction: the destination and the inputs locked in key order, then the destination replaced
    /// (<see cref="ZSetStore.ReplaceAsync"/>) by a fresh sorted set that one INSERT ... SELECT fills. Replies the size.
    /// </summary>
    private async ValueTask StoreAlgebraAsync(CommandContext ctx, AlgebraOperation operation, string eventName)
    {
        var arguments = AlgebraArguments.Parse(ctx, 2, operation, store: true, cardinality: false);
        byte[] destination = ctx.Arg(1);
        long size = await ctx.Sql.TransactionAsync(async tx =>
        {
            var keys = arguments.Keys.Append(destination).DistinctBy(Convert.ToHexString).ToList();
            var rows = await tx.QueryListAsync(KeyRowStatements.LockKeys(InListShape.For(keys.Count)), KeyRow.Read,
                [.. InListShape.Padded(keys)]);
            var query = Resolve(operation, arguments, rows, ctx.NowMs);
            bool replacesLive = rows.Any(r => KeyBytesComparer.Instance.Equals(r.Key, destination) && r.IsLiveAt(ctx.NowMs));
            return await ZSetStore.ReplaceAsync(tx, destination, ctx.NowMs, replacesLive, eventName, zset =>
            {
                if (query is null) return Task.CompletedTask;
                var statement = Algebra.Store(operation, arguments.Aggregate, query.Shape);
                return zset.AddSelectedAsync(statement, id => query.Bind(statement, ("dst_id", id)));
            });
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(size);
    }

    /// <summary>Resolves the visible input keys in one statement (WRONGTYPE for other types) into the query to run.</summary>
    private async Task<AlgebraQuery?> ResolveAsync(CommandContext ctx, AlgebraOperation operation, AlgebraArguments arguments)
    {
        var distinct = arguments.Keys.DistinctBy(Convert.ToHexString).ToList();
        var rows = await ctx.Sql.QueryListAsync(KeyRowStatements.SelectKeys(InListShape.For(distinct.Count)), KeyRow.Read,
            [.. InListShape.Padded(distinct), ctx.NowMs]);
        return Resolve(operation, arguments, rows, ctx.NowMs);
    }

    /// <summary>The query once the keys passed the type check, and only then the options' error, as Redis orders them.</summary>
    private AlgebraQuery? Resolve(AlgebraOperation operation, AlgebraArguments arguments, IEnumerable<KeyRow> rows, long nowMs)
    {
        var query = AlgebraQuery.Resolve(operation, arguments.Keys, arguments.Weights, rows, nowMs);
        arguments.ThrowOptionError();
        if (query?.ReadsSets == true && !Algebra.ReadsSets)
            throw RedisException.Err("set keys cannot be read: no loaded family stores them");
        return query;
    }
}
