using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>
/// The sorted sets family over the kernel's sorted-set storage (<see cref="ZSetTables"/>, shared with Geo): one
/// zset_members row per member under the key's keyspace id, ordered by an index on (score, member prefix), and a size
/// row that makes ZCARD one read. Every write is one transaction that locks the key first (<see cref="LockedZSet"/>);
/// removing the last member deletes the key. This file: ZADD, ZINCRBY and ZREM; see the other partial files for reads,
/// ranges, removals by range, pops, random members, ZSCAN and the algebra.
/// </summary>
public sealed partial class SortedSetCommands(IServiceProvider services) : ICommandFamily
{
    public string Name => "sortedsets";

    [RedisCommand("zadd", -4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Adds one or more members to a sorted set, or updates their scores. Creates the key if it doesn't exist.")]
    public ValueTask ZAdd(CommandContext ctx) => ctx.RunPlanAsync(AddPlan(ctx, ZAddRequest.Parse(ctx, incr: false)));

    [RedisCommand("zincrby", 4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Increments the score of a member in a sorted set.")]
    public ValueTask ZIncrBy(CommandContext ctx) => ctx.RunPlanAsync(AddPlan(ctx, ZAddRequest.Parse(ctx, incr: true)));

    /// <summary>A ZADD whose arguments parse; the handler answers the others with their error.</summary>
    [CommandPlan("zadd")]
    public CommandPlan? PlanZAdd(CommandContext ctx) => TryParse(ctx, incr: false) is { } request ? AddPlan(ctx, request) : null;

    [CommandPlan("zincrby")]
    public CommandPlan? PlanZIncrBy(CommandContext ctx) => TryParse(ctx, incr: true) is { } request ? AddPlan(ctx, request) : null;

    [RedisCommand("zrem", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "sorted_set", Since = "1.2.0", Summary = "Removes one or more members from a sorted set. Deletes the sorted set if all members were removed.")]
    public async ValueTask ZRem(CommandContext ctx)
    {
        byte[] key = ctx.Arg(1);
        var members = ctx.Args.Skip(2).Select(ZMember.Of).ToList();
        long removed = await ctx.Sql.TransactionAsync(async tx =>
        {
            var zset = await LockedZSet.LockAsync(tx, key, ctx.NowMs, members);
            long n = members.Count(zset.Remove);
            if (n == 0) return 0L;
            bool deleted = await zset.SaveAsync();
            await tx.NotifyAsync(NotifyFlags.Zset, "zrem", key);
            if (deleted) await tx.NotifyAsync(NotifyFlags.Generic, "del", key);
            return n;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(removed);
    }

    /// <summary>Pipelined and concurrent ZADD/ZINCRBYs of a tenant and db share one transaction and one commit.</summary>
    private static readonly SharedTransaction AddTogether = new(AddAllAsync, policies => policies.Incr);

    private static ZAddRequest? TryParse(CommandContext ctx, bool incr)
    {
        try
        {
            return ZAddRequest.Parse(ctx, incr);
        }
        catch (RedisException)
        {
            return null;
        }
    }

    private static CommandPlan AddPlan(CommandContext ctx, ZAddRequest request) =>
        new(ZSetStatements.Lock(1), [ctx.Arg(1), request, ctx.NowMs], ReplyAdd) { Merge = AddTogether, Key = ctx.Arg(1) };

    /// <summary>
    /// The ZADDs of a batch, key by key in key order: one lock that also reads the scores of every member they name,
    /// then each command applied in arrival order (so each sees the ones before it), and one write per key. A key of
    /// another type answers WRONGTYPE to its commands; an increment that makes NaN answers its error and changes nothing.
    /// </summary>
    private static async Task<object?[]?[]> AddAllAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        var byKey = SharedTransaction.ByKey(plans);
        foreach (var commands in byKey)
        {
            var requests = commands.ToDictionary(i => i, i => (ZAddRequest)plans[i].Values[1]!);
            var members = requests.Values.SelectMany(r => r.Pairs.Select(p => p.Member)).DistinctBy(m => m.HashKey).ToList();
            LockedZSet zset;
            try
            {
                zset = await LockedZSet.LockAsync(tx, commands.Key, commands.Max(i => (long)plans[i].Values[^1]!), members);
            }
            catch (RedisException e)
            {
                foreach (int i in commands) replies[i] = PlanReplies.Error(e.Message);
                continue;
            }
            foreach (int i in commands)
            {
                ZAddOutcome outcome;
                try
                {
                    outcome = requests[i].ApplyTo(zset);
                }
                catch (RedisException e)
                {
                    replies[i] = PlanReplies.Error(e.Message);
                    continue;
                }
                replies[i] = [outcome.Reply, requests[i].Incr];
                if (!outcome.Changed) continue;
                // A new sorted set exists before its first event, so Redis's new event comes first.
                await zset.Key.EnsureCreatedAsync();
                await tx.NotifyAsync(NotifyFlags.Zset, requests[i].Incr ? "zincr" : "zadd", commands.Key);
            }
            await zset.SaveAsync();
        }
        return replies;
    }

    /// <summary>ZADD answers a count; with INCR (and ZINCRBY) the new score, or null when NX/XX/GT/LT skipped it.</summary>
    private static void ReplyAdd(RespWriter reply, object?[]? row)
    {
        if (PlanReplies.TryWriteError(reply, row)) return;
        if (!(bool)row![1]!) reply.WriteInteger((long)row[0]!);
        else if (row[0] is double score) reply.WriteBulkString(ScoreText.Format(score));
        else reply.WriteNullBulk();
    }

    /// <summary>The visible sorted set at <paramref name="key"/>: null when absent, WRONGTYPE when another type.</summary>
    private static async Task<ZSetKey?> FindAsync(CommandContext ctx, byte[] key)
    {
        var row = await ctx.Sql.QueryFirstAsync(ZSetStatements.SelectKey, ZSetKey.Read, key, ctx.NowMs);
        return row?.Checked();
    }

    private static void WriteEntries(CommandContext ctx, IReadOnlyCollection<ZEntry> entries, bool withScores)
    {
        ctx.Reply.WriteArrayHeader(withScores ? entries.Count * 2 : entries.Count);
        foreach (var entry in entries)
        {
            ctx.Reply.WriteBulkString(entry.Member.Value);
            if (withScores) ctx.Reply.WriteBulkString(ScoreText.Format(entry.Score));
        }
    }

    private static RedisException WrongArity(CommandContext ctx) => new(RedisErrors.WrongArity(ctx.Command.Name));
}
