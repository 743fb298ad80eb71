using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// The lists family: one list_items row per element at contiguous positions under the key's keyspace id, and one
/// list_bounds row with the head and tail positions, so both ends and any index are one primary-key read. Every write
/// is one transaction that locks the key first (<see cref="LockedList"/>); removing the last element deletes the key.
/// This file: the pushes; see the other partial files for pops, moves, reads and edits.
/// </summary>
public sealed partial class ListCommands : ICommandFamily, IChildRowOwner
{
    public string Name => "lists";

    public IReadOnlyList<ChildTable> ChildTables { get; } = [ListStatements.ItemTable, ListStatements.BoundsTable];

    [RedisCommand("lpush", -3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "list", Summary = "Prepends one or more elements to a list. Creates the key if it doesn't exist.")]
    public ValueTask LPush(CommandContext ctx) => ctx.RunPlanAsync(PlanLPush(ctx));

    [RedisCommand("rpush", -3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "list", Summary = "Appends one or more elements to a list. Creates the key if it doesn't exist.")]
    public ValueTask RPush(CommandContext ctx) => ctx.RunPlanAsync(PlanRPush(ctx));

    [RedisCommand("lpushx", -3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "list", Since = "2.2.0", Summary = "Prepends one or more elements to a list only when the list exists.")]
    public ValueTask LPushX(CommandContext ctx) => ctx.RunPlanAsync(PlanLPushX(ctx));

    [RedisCommand("rpushx", -3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "list", Since = "2.2.0", Summary = "Appends an element to a list only when the list exists.")]
    public ValueTask RPushX(CommandContext ctx) => ctx.RunPlanAsync(PlanRPushX(ctx));

    [CommandPlan("lpush")]
    public CommandPlan PlanLPush(CommandContext ctx) => PushPlan(ctx, ListEnd.Left, onlyIfExists: false);

    [CommandPlan("rpush")]
    public CommandPlan PlanRPush(CommandContext ctx) => PushPlan(ctx, ListEnd.Right, onlyIfExists: false);

    [CommandPlan("lpushx")]
    public CommandPlan PlanLPushX(CommandContext ctx) => PushPlan(ctx, ListEnd.Left, onlyIfExists: true);

    [CommandPlan("rpushx")]
    public CommandPlan PlanRPushX(CommandContext ctx) => PushPlan(ctx, ListEnd.Right, onlyIfExists: true);

    /// <summary>Pipelined and concurrent pushes of a tenant and db share one transaction and one commit.</summary>
    private static readonly SharedTransaction PushTogether = new(PushAllAsync, policies => policies.Set);

    private static CommandPlan PushPlan(CommandContext ctx, ListEnd end, bool onlyIfExists) =>
        new(ListStatements.InsertItems(1), [ctx.Arg(1), new PushRequest(end, onlyIfExists, ctx.Args.Skip(2).ToList()), ctx.NowMs],
            PlanReplies.IntegerOrError)
        {
            Merge = PushTogether, Key = ctx.Arg(1),
        };

    /// <summary>
    /// The pushes of a batch, key by key in key order: one lock, one bounds read, one multi-row insert (chunked when
    /// long) and one bounds write per key however many commands name it. Each command, in arrival order, answers the
    /// length after its own push; an X form adds nothing and answers 0 while the list does not exist (an earlier push of
    /// the batch may have created it). A key of another type answers WRONGTYPE to its commands and is not written.
    /// </summary>
    private static async Task<object?[]?[]> PushAllAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        await foreach (var (commands, list) in LockEachAsync(tx, plans, replies))
        {
            var pushed = new List<ListEnd>();
            foreach (int i in commands)
            {
                var push = (PushRequest)plans[i].Values[1]!;
                if (!push.OnlyIfExists || list.Length > 0)
                {
                    foreach (var value in push.Values) list.Place(push.End, value);
                    pushed.Add(push.End);
                }
                replies[i] = [list.Length];
            }
            if (list.Length == 0) continue;
            // A new list exists before its push events, so Redis's new event comes first.
            await list.Key.EnsureCreatedAsync();
            foreach (var end in pushed) await tx.NotifyAsync(NotifyFlags.List, PushEvent(end), commands.Key);
            // The wake-up event first: its insert then travels with the elements' (one round trip for both).
            await ListGrewAsync(tx, commands.Key);
            await list.WriteAsync();
        }
        return replies;
    }

    /// <summary>
    /// A batch's keys locked one by one in key order (the order every batch locks them in), each with its plans' indexes
    /// in arrival order. A key of another type answers WRONGTYPE to its plans (in <paramref name="replies"/>) and is skipped.
    /// </summary>
    /// <param name="ends">For pops: how many elements the key's plans ask of the head and of the tail, read with the lock.</param>
    private static async IAsyncEnumerable<(IGrouping<byte[], int> Commands, LockedList List)> LockEachAsync(ISqlRunner tx,
        IReadOnlyList<CommandPlan> plans, object?[]?[] replies, Func<IEnumerable<int>, (long FromHead, long FromTail)>? ends = null)
    {
        var byKey = SharedTransaction.ByKey(plans);
        foreach (var commands in byKey)
        {
            LockedList list;
            try
            {
                var (fromHead, fromTail) = ends?.Invoke(commands) ?? (0, 0);
                list = await LockedList.LockAsync(tx, commands.Key, commands.Max(i => (long)plans[i].Values[^1]!), fromHead, fromTail);
            }
            catch (RedisException e)
            {
                foreach (int i in commands) replies[i] = PlanReplies.Error(e.Message);
                continue;
            }
            yield return (commands, list);
        }
    }

    /// <summary>
    /// Called inside the transaction after elements were added to the list at <paramref name="key"/>: clients blocked on
    /// it, on this proxy and on every other, get a turn once the transaction commits (recorded once per transaction).
    /// </summary>
    private static Task ListGrewAsync(ISqlRunner tx, byte[] key) => tx.AppendEventAsync(EventKind.KeyReady, key);

    private static RedisException WrongArity(CommandContext ctx) => new(RedisErrors.WrongArity(ctx.Command.Name));
}
