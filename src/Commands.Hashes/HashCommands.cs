using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// The hashes family: one hash_fields row per field under the key's keyspace id. Every write is one transaction that
/// locks the key first (<see cref="CollectionKey"/>); removing the last field deletes the key.
/// This file: the writes; see the other partial files for reads and for HRANDFIELD / HSCAN.
/// </summary>
public sealed partial class HashCommands : ICommandFamily, IChildRowOwner
{
    public string Name => "hashes";

    public IReadOnlyList<ChildTable> ChildTables { get; } = [HashStatements.FieldTable, HashStatements.Sizes.Children];

    [RedisCommand("hset", -4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Creates or modifies the value of a field in a hash.", Since = "2.0.0")]
    public ValueTask HSet(CommandContext ctx) => ctx.RunPlanAsync(PlanHSet(ctx) ?? throw WrongArity(ctx));

    [RedisCommand("hmset", -4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Sets the values of multiple fields.", Since = "2.0.0")]
    public ValueTask HMSet(CommandContext ctx) => ctx.RunPlanAsync(PlanHMSet(ctx) ?? throw WrongArity(ctx));

    [RedisCommand("hsetnx", 4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Sets the value of a field in a hash only when the field doesn't exist.", Since = "2.0.0")]
    public async ValueTask HSetNx(CommandContext ctx)
    {
        var hash = FieldList.HashOf(ctx.Arg(2));
        bool added = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await CollectionKey.LockAsync(tx, ctx.Arg(1), HashStatements.Sizes, ctx.NowMs);
            if (key.Exists && await tx.QueryFirstAsync(HashStatements.SelectValue, _ => true, key.Id, hash)) return false;
            long id = await key.EnsureCreatedAsync();
            await tx.ExecuteAsync(HashStatements.InsertField, id, hash, ctx.Arg(2), ctx.Arg(3));
            await key.ResizeAsync(1);
            await tx.NotifyAsync(NotifyFlags.Hash, "hset", ctx.Arg(1));
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(added ? 1 : 0);
    }

    [RedisCommand("hdel", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Deletes one or more fields and their values from a hash. Deletes the hash if no fields remain.", Since = "2.0.0")]
    public async ValueTask HDel(CommandContext ctx)
    {
        var fields = FieldList.Of(ctx, 2);
        long deleted = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await CollectionKey.LockAsync(tx, ctx.Arg(1), HashStatements.Sizes, ctx.NowMs);
            if (!key.Exists) return 0L;
            long count = 0;
            foreach (var chunk in fields.Chunks())
                count += await tx.ExecuteAsync(HashStatements.DeleteFields(chunk.Shape), chunk.BindHashes(key.Id));
            if (count == 0) return 0L;
            await tx.NotifyAsync(NotifyFlags.Hash, "hdel", ctx.Arg(1));
            if (await key.ResizeAsync(-count)) await tx.NotifyAsync(NotifyFlags.Generic, "del", ctx.Arg(1));
            return count;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(deleted);
    }

    [RedisCommand("hincrby", 4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Increments the integer value of a field in a hash by a number. Uses 0 as initial value if the field doesn't exist.", Since = "2.0.0")]
    public async ValueTask HIncrBy(CommandContext ctx)
    {
        long increment = ctx.ArgInt64(3);
        long result = await ctx.Sql.TransactionAsync(async tx =>
        {
            var (key, current) = await LockFieldAsync(tx, ctx);
            long value = 0;
            if (current is not null && !RedisNumbers.TryParseInt64(current, out value))
                throw RedisException.Err("hash value is not an integer");
            if ((increment < 0 && value < 0 && increment < long.MinValue - value) ||
                (increment > 0 && value > 0 && increment > long.MaxValue - value))
                throw new RedisException(RedisErrors.Overflow);
            await WriteFieldAsync(tx, key, ctx.Arg(2), RedisNumbers.ToBytes(value + increment), isNew: current is null);
            await tx.NotifyAsync(NotifyFlags.Hash, "hincrby", ctx.Arg(1));
            return value + increment;
        }, ctx.Sql.Retry.Incr);
        ctx.Reply.WriteInteger(result);
    }

    [RedisCommand("hincrbyfloat", 4, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "hash", Summary = "Increments the floating point value of a field by a number. Uses 0 as initial value if the field doesn't exist.", Since = "2.6.0")]
    public async ValueTask HIncrByFloat(CommandContext ctx)
    {
        // Redis validates the increment before it looks at the key.
        if (!LongDouble.TryParse(ctx.Arg(3), out var increment)) throw new RedisException(RedisErrors.NotFloat);
        if (increment.IsInfinity) throw RedisException.Err("value is NaN or Infinity");
        var result = await ctx.Sql.TransactionAsync(async tx =>
        {
            var (key, current) = await LockFieldAsync(tx, ctx);
            var value = LongDouble.Zero;
            if (current is not null && !LongDouble.TryParse(current, out value))
                throw RedisException.Err("hash value is not a float");
            var total = value.Add(increment);
            if (total.IsInfinity) throw RedisException.Err("increment would produce NaN or Infinity");
            var text = System.Text.Encoding.ASCII.GetBytes(total.ToRedisString());
            await WriteFieldAsync(tx, key, ctx.Arg(2), text, isNew: current is null);
            await tx.NotifyAsync(NotifyFlags.Hash, "hincrbyfloat", ctx.Arg(1));
            return text;
        }, ctx.Sql.Retry.Incr);
        ctx.Reply.WriteBulkString(result);
    }

    /// <summary>
    /// HSET / HMSET: one transaction that locks the key, counts which of the fields exist already (the reply counts
    /// new ones), makes sure the hash exists and upserts every pair, up to <see cref="FieldList.MaxPerStatement"/> per statement.
    /// </summary>
    private static RedisException WrongArity(CommandContext ctx) => new(RedisErrors.WrongArity(ctx.Command.Name));

    /// <summary>Pipelined and concurrent HSET/HMSETs of a tenant and db share one transaction and one commit.</summary>
    private static readonly SharedTransaction SetFieldsTogether = new(SetFieldsAsync, policies => policies.Set);

    /// <summary>
    /// The HSETs of a batch, key by key in key order: one lock, one look-up of the fields present and one upsert per
    /// key however many commands name it. Each command, in arrival order, counts the fields it adds; a key of another
    /// type answers WRONGTYPE to its commands and is not written.
    /// </summary>
    private static async Task<object?[]?[]> SetFieldsAsync(ISqlRunner tx, IReadOnlyList<CommandPlan> plans)
    {
        var replies = new object?[]?[plans.Count];
        var byKey = SharedTransaction.ByKey(plans);
        foreach (var commands in byKey)
        {
            var fields = commands.Select(i => (FieldList)plans[i].Values[1]!).ToList();
            var merged = FieldList.Merge(fields);
            CollectionKey key;
            try
            {
                key = await CollectionKey.LockAsync(tx, commands.Key, HashStatements.Sizes, commands.Max(i => (long)plans[i].Values[^1]!));
            }
            catch (RedisException e)
            {
                foreach (int i in commands) replies[i] = PlanReplies.Error(e.Message);
                continue;
            }
            var present = new HashSet<string>();
            if (key.Exists)
            {
                foreach (var chunk in merged.Chunks())
                    present.UnionWith(await tx.QueryListAsync(HashStatements.SelectExisting(chunk.Shape),
                        r => Convert.ToHexString((byte[])r.GetValue(0)), chunk.BindHashes(key.Id)));
            }
            long added = 0;
            foreach (var (i, list) in commands.Zip(fields))
            {
                long fresh = list.HashIds.Count(present.Add);
                added += fresh;
                replies[i] = [fresh];
            }
            long id = await key.EnsureCreatedAsync();
            foreach (var chunk in merged.Chunks())
                await tx.ExecuteAsync(HashStatements.UpsertFields(chunk.Shape), chunk.BindRows(id));
            await key.ResizeAsync(added);
            foreach (int _ in commands) await tx.NotifyAsync(NotifyFlags.Hash, "hset", commands.Key);
        }
        return replies;
    }

    [CommandPlan("hset")]
    public CommandPlan? PlanHSet(CommandContext ctx) => SetFieldsPlan(ctx, PlanReplies.IntegerOrError);

    [CommandPlan("hmset")]
    public CommandPlan? PlanHMSet(CommandContext ctx) => SetFieldsPlan(ctx, PlanReplies.OkOrError);

    /// <summary>An odd argument count goes through the handler, which reports it.</summary>
    private static CommandPlan? SetFieldsPlan(CommandContext ctx, Action<RespWriter, object?[]?> reply) =>
        ctx.Count % 2 != 0 ? null
            : new(HashStatements.UpsertFields(1), [ctx.Arg(1), FieldList.OfPairs(ctx, 2), ctx.NowMs], reply)
            {
                Merge = SetFieldsTogether, Key = ctx.Arg(1),
            };

    private static async Task<(CollectionKey Key, byte[]? Value)> LockFieldAsync(SqlTransaction tx, CommandContext ctx)
    {
        var key = await CollectionKey.LockAsync(tx, ctx.Arg(1), HashStatements.Sizes, ctx.NowMs);
        if (!key.Exists) return (key, null);
        var value = await tx.QueryFirstAsync(HashStatements.SelectValue, r => (byte[])r.GetValue(0), key.Id, FieldList.HashOf(ctx.Arg(2)));
        return (key, value);
    }

    /// <summary>Sets one field of the locked key, creating the hash when it is absent.</summary>
    private static async Task WriteFieldAsync(SqlTransaction tx, CollectionKey key, byte[] field, byte[] value, bool isNew)
    {
        long id = await key.EnsureCreatedAsync();
        await tx.ExecuteAsync(HashStatements.UpsertField, id, FieldList.HashOf(field), field, value);
        if (isNew) await key.ResizeAsync(1);
    }
}
