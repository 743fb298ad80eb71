using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Strings;

/// <summary>
/// The strings family: values stored inline in the keyspace row, big ones in chunks (<see cref="StringChunks"/>).
/// Plain reads and blind writes are one statement; everything that reads before it writes is one short transaction
/// over the locked row (<see cref="StoredString"/>).
/// This file: GET, SET and their variants; see the other partial files for multi-key, range, counter and LCS commands.
/// </summary>
public sealed partial class StringCommands(RuntimeConfig runtime) : ICommandFamily, IChildRowOwner
{
    public string Name => "strings";

    public IReadOnlyList<ChildTable> ChildTables { get; } = [StringStatements.ChunkRows, StringStatements.SizeRows];

    [RedisCommand("get", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the string value of a key.")]
    public async ValueTask Get(CommandContext ctx) => WriteValue(ctx, await ReadStringAsync(ctx, ctx.Arg(1)));

    /// <summary>
    /// Pipelined and concurrent GETs are answered by one statement over all their keys (columns k, type, v, id); a big
    /// value is then read from its chunks.
    /// </summary>
    private static readonly KeyedRead GetByKeys = new(StringStatements.SelectMany)
    {
        IsPartial = BigStringReader.IsBig,
        Complete = async (sql, row) =>
        {
            var key = (byte[])row[0]!;
            var found = await BigStringReader.ReadAsync(sql, key, Convert.ToInt64(row[3]), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            return found is { } f ? [key, (byte)f.Type, f.Value, row[3]] : null;
        },
    };

    /// <summary>Pipelined and concurrent plain SETs and MSETs become one multi-row upsert (rows k, v, expires_at).</summary>
    private static readonly KeyedWrite SetByKeys = new(KeyspaceStatements.UpsertStrings, rowWidth: 3);

    [CommandPlan("get")]
    public CommandPlan PlanGet(CommandContext ctx) =>
        new(StringStatements.SelectMany(1), [ctx.Arg(1), ctx.NowMs], ReplyGet) { Merge = GetByKeys, Key = ctx.Arg(1) };

    /// <summary>SET key value with no options and an inline value: a blind write. Anything else goes through <see cref="Set"/>.</summary>
    [CommandPlan("set")]
    public CommandPlan? PlanSet(CommandContext ctx) => ctx.Args.Count != 3 || ctx.Arg(2).Length > StringChunks.InlineMax ? null :
        new(KeyspaceStatements.UpsertString, [ctx.Arg(1), ctx.Arg(2), null], ReplyOk) { Merge = SetByKeys, Key = ctx.Arg(1), Notify = SetEvent };

    /// <summary>What SET and MSET raise for each key they write.</summary>
    private static readonly PlanNotification SetEvent = new(NotifyFlags.String, "set");

    private static void ReplyOk(RespWriter reply, object?[]? row) => reply.WriteOk();

    private static void ReplyGet(RespWriter reply, object?[]? row)
    {
        if (row == null) reply.WriteNullBulk();
        else if ((KeyType)Convert.ToByte(row[1]) != KeyType.String) reply.WriteError(RedisErrors.WrongType);
        else reply.WriteBulkString(row[2] is byte[] value ? value : []);
    }

    [RedisCommand("set", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Sets the string value of a key, ignoring its type. The key is created if it doesn't exist.")]
    public async ValueTask Set(CommandContext ctx)
    {
        var options = StringWriteOptions.ForSet(ctx);
        var (written, old) = await SetAsync(ctx, ctx.Arg(1), ctx.Arg(2), options);
        if (options.ReturnOld) WriteValue(ctx, old);
        else if (written) ctx.Reply.WriteOk();
        else ctx.Reply.WriteNullBulk();
    }

    [RedisCommand("setnx", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Set the string value of a key only when the key doesn't exist.")]
    public async ValueTask SetNx(CommandContext ctx)
    {
        var (written, _) = await SetAsync(ctx, ctx.Arg(1), ctx.Arg(2), StringWriteOptions.WithCondition(SetCondition.IfAbsent));
        ctx.Reply.WriteInteger(written ? 1 : 0);
    }

    [RedisCommand("setex", 4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Sets the string value and expiration time of a key. Creates the key if it doesn't exist.", Since = "2.0.0")]
    public ValueTask SetEx(CommandContext ctx) => SetExpiringAsync(ctx, ExpiryUnit.Seconds);

    [RedisCommand("psetex", 4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "string", Summary = "Sets both string value and expiration time in milliseconds of a key. The key is created if it doesn't exist.", Since = "2.6.0")]
    public ValueTask PSetEx(CommandContext ctx) => SetExpiringAsync(ctx, ExpiryUnit.Milliseconds);

    [RedisCommand("getset", 3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the previous string value of a key after setting it to a new value.")]
    public async ValueTask GetSet(CommandContext ctx)
    {
        var (_, old) = await SetAsync(ctx, ctx.Arg(1), ctx.Arg(2), StringWriteOptions.ReturningOld());
        WriteValue(ctx, old);
    }

    [RedisCommand("getdel", 2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the string value of a key after deleting the key.", Since = "6.2.0")]
    public async ValueTask GetDel(CommandContext ctx)
    {
        var value = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await StoredString.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            var old = await key.ReadAllAsync();
            if (old is null) return null;
            await key.DeleteAsync();
            await tx.NotifyAsync(NotifyFlags.Generic, "del", ctx.Arg(1));
            return old;
        }, ctx.Sql.Retry.Set);
        WriteValue(ctx, value);
    }

    [RedisCommand("getex", -2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "string", Summary = "Returns the string value of a key after setting its expiration time.", Since = "6.2.0")]
    public async ValueTask GetEx(CommandContext ctx)
    {
        var options = StringWriteOptions.ForGetEx(ctx);
        if (!options.ChangesExpiry)
        {
            WriteValue(ctx, await ReadStringAsync(ctx, ctx.Arg(1)));
            return;
        }
        var value = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await StoredString.LockAsync(tx, ctx.Arg(1), ctx.NowMs);
            var current = await key.ReadAllAsync();
            // PERSIST of a key without a TTL changes nothing, and Redis raises nothing then.
            if (current is null || (options.Persist && key.ExpiresAt is null)) return current;
            // An EXAT/PXAT in the past deletes the key, as Redis does, which raises del rather than expire.
            bool past = options.ExpiresAt <= ctx.NowMs;
            if (past) await key.DeleteAsync();
            else await key.SetExpiryAsync(options.ExpiresAt, ctx.NowMs);
            await tx.NotifyAsync(NotifyFlags.Generic, options.Persist ? "persist" : past ? "del" : "expire", ctx.Arg(1));
            return current;
        }, ctx.Sql.Retry.Set);
        WriteValue(ctx, value);
    }

    private async ValueTask SetExpiringAsync(CommandContext ctx, ExpiryUnit unit)
    {
        var expiresAt = ExpiryTime.Resolve(ctx.Arg(2), unit, ctx.NowMs, ctx.Command.Name);
        await SetAsync(ctx, ctx.Arg(1), ctx.Arg(3), StringWriteOptions.Expiring(expiresAt));
        ctx.Reply.WriteOk();
    }

    /// <summary>
    /// Redis's setGenericCommand: a blind write is one upsert; otherwise the row is locked, GET reads the old
    /// string (WRONGTYPE before anything is written), NX/XX decide, KEEPTTL carries the live expiry over.
    /// </summary>
    private static async Task<(bool Written, byte[]? Old)> SetAsync(CommandContext ctx, byte[] key, byte[] value, StringWriteOptions options)
    {
        // A blind write is one statement; with keyspace notifications on, it takes the transaction that records them.
        if (options.IsBlindWrite && value.Length <= StringChunks.InlineMax && !await ctx.Sql.NotifiesAsync(NotifyFlags.String | NotifyFlags.Generic | NotifyFlags.New))
        {
            await ctx.Sql.ExecuteAsync(KeyspaceStatements.UpsertString, key, value, options.ExpiresAt);
            return (true, null);
        }
        return await ctx.Sql.TransactionAsync(async tx =>
        {
            var locked = await StoredString.LockAsync(tx, key, ctx.NowMs);
            var old = options.ReturnOld ? await locked.ReadAllAsync() : null;
            bool write = options.Condition switch
            {
                SetCondition.IfAbsent => !locked.Exists,
                SetCondition.IfPresent => locked.Exists,
                _ => true,
            };
            if (write)
            {
                await locked.SetAsync(value, options.KeepTtl ? locked.ExpiresAt : options.ExpiresAt);
                await tx.NotifyAsync(NotifyFlags.String, "set", key);
                if (options.ExpiresAt != null && !options.KeepTtl) await tx.NotifyAsync(NotifyFlags.Generic, "expire", key);
            }
            return (write, old);
        }, ctx.Sql.Retry.Set);
    }

    /// <summary>The visible string value of a key, null when absent; WRONGTYPE for another type.</summary>
    private static async Task<byte[]?> ReadStringAsync(CommandContext ctx, byte[] key)
    {
        if (await BigStringReader.LookUpAsync(ctx.Sql, key, ctx.NowMs) is not { } row) return null;
        var (type, value) = row.Type == KeyType.String && row.Inline is null
            ? await BigStringReader.ReadAsync(ctx.Sql, key, row.Id, ctx.NowMs) ?? (KeyType.String, null)
            : (row.Type, row.Inline);
        if (type != KeyType.String) throw new RedisException(RedisErrors.WrongType);
        return value;
    }

    private static void WriteValue(CommandContext ctx, byte[]? value)
    {
        if (value is null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(value);
    }
}
