using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;
using static RedisOnMySql.Kernel.Families.Keyspace.KeyspaceFamilyStatements;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// RENAME, RENAMENX, MOVE and COPY: short transactions that first lock both rows, ordered by (db, key bytes) so two
/// commands on the same pair never deadlock, and treat an expired row as absent (it is deleted, not kept).
/// </summary>
public sealed partial class KeyspaceCommands
{
    private const string SameObject = "ERR source and destination objects are the same";

    [RedisCommand("rename", 3, CommandFlags.Write, 1, 2, 1, Group = "generic", Summary = "Renames a key and overwrites the destination.")]
    public async ValueTask Rename(CommandContext ctx)
    {
        await RenameAsync(ctx, overwrite: true);
        ctx.Reply.WriteOk();
    }

    [RedisCommand("renamenx", 3, CommandFlags.Write | CommandFlags.Fast, 1, 2, 1, Group = "generic",
        Summary = "Renames a key only when the target key name doesn't exist.")]
    public async ValueTask RenameNx(CommandContext ctx) =>
        ctx.Reply.WriteInteger(await RenameAsync(ctx, overwrite: false) ? 1 : 0);

    [RedisCommand("move", 3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "generic", Summary = "Moves a key to another database.")]
    public async ValueTask Move(CommandContext ctx)
    {
        int target = TargetDb(ctx, 2);
        int db = ctx.Session.Db;
        if (target == db) throw new RedisException(SameObject);
        byte[] key = ctx.Arg(1);
        long now = ctx.NowMs;
        bool moved = await ctx.Sql.TransactionAsync(async tx =>
        {
            var (source, destination) = await LockPairAsync(tx, (db, key), (target, key));
            if (source?.IsLiveAt(now) != true || destination?.IsLiveAt(now) == true) return false;
            if (destination != null) await tx.ExecuteAsync(DeleteKeyIn, target, key);
            await tx.ExecuteAsync(MoveKey, target, key);
            await tx.NotifyAsync(NotifyFlags.New, "new", key, target);
            await tx.NotifyAsync(NotifyFlags.Generic, "move_from", key);
            await tx.NotifyAsync(NotifyFlags.Generic, "move_to", key, target);
            await WakeBlockedAsync(tx, source.Type, key, target);
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(moved ? 1 : 0);
    }

    /// <summary>
    /// The copy is a new row (new id) with the source's type and expiry: a string's inline value is copied with the row,
    /// children are copied inside MySQL through the child tables their family declared.
    /// </summary>
    [RedisCommand("copy", -3, CommandFlags.Write | CommandFlags.DenyOom, 1, 2, 1, Group = "generic", Since = "6.2.0",
        Summary = "Copies the value of a key to a new key.")]
    public async ValueTask Copy(CommandContext ctx)
    {
        int db = ctx.Session.Db, target = db;
        bool replace = false;
        for (int i = 3; i < ctx.Count; i++)
        {
            if (ctx.ArgIs(i, "REPLACE")) replace = true;
            else if (ctx.ArgIs(i, "DB") && i + 1 < ctx.Count) target = TargetDb(ctx, ++i);
            else throw new RedisException(RedisErrors.Syntax);
        }
        byte[] sourceKey = ctx.Arg(1), destinationKey = ctx.Arg(2);
        if (target == db && KeyBytesComparer.Instance.Equals(sourceKey, destinationKey)) throw new RedisException(SameObject);
        long now = ctx.NowMs;
        bool copied = await ctx.Sql.TransactionAsync(async tx =>
        {
            var (source, destination) = await LockPairAsync(tx, (db, sourceKey), (target, destinationKey));
            if (source?.IsLiveAt(now) != true) return false;
            if (destination?.IsLiveAt(now) == true && !replace) return false;
            var children = ChildTables.Of(source.Type).ToList();
            if (source.Type != KeyType.String && children.Count == 0)
                throw RedisException.Err($"COPY is not supported for {source.Type.Name()} keys: no loaded family stores them");
            if (destination != null) await tx.ExecuteAsync(DeleteKeyIn, target, destinationKey);
            long copyId;
            if (source.Type == KeyType.String)
            {
                // A big string's inline value is NULL and its bytes are child rows, copied as a collection's are.
                var value = await tx.QueryFirstAsync(SelectValue, r => r.IsDBNull(0) ? null : (byte[])r.GetValue(0), sourceKey);
                copyId = await tx.InsertAsync(InsertStringIn, target, destinationKey, value, source.ExpiresAt);
                if (value is not null) children.Clear();
            }
            else copyId = await tx.InsertAsync(InsertCollectionIn, target, destinationKey, (int)source.Type, source.ExpiresAt);
            foreach (var table in children) await tx.ExecuteAsync(table.CopyChildren, copyId, source.Id);
            await tx.NotifyAsync(NotifyFlags.New, "new", destinationKey, target);
            await tx.NotifyAsync(NotifyFlags.Generic, "copy_to", destinationKey, target);
            await WakeBlockedAsync(tx, source.Type, destinationKey, target);
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(copied ? 1 : 0);
    }

    /// <summary>
    /// Moves the source row to the new name, keeping its id, type and expiry so a collection's children follow.
    /// Returns false only for RENAMENX onto a live destination; a missing source is Redis's "no such key".
    /// </summary>
    private static Task<bool> RenameAsync(CommandContext ctx, bool overwrite)
    {
        byte[] sourceKey = ctx.Arg(1), destinationKey = ctx.Arg(2);
        int db = ctx.Session.Db;
        long now = ctx.NowMs;
        bool sameKey = KeyBytesComparer.Instance.Equals(sourceKey, destinationKey);
        return ctx.Sql.TransactionAsync(async tx =>
        {
            var (source, destination) = sameKey
                ? (await LockAsync(tx, db, sourceKey), null)
                : await LockPairAsync(tx, (db, sourceKey), (db, destinationKey));
            if (source?.IsLiveAt(now) != true) throw new RedisException(RedisErrors.NoSuchKey);
            if (sameKey) return overwrite;
            if (destination?.IsLiveAt(now) == true && !overwrite) return false;
            if (destination != null) await tx.ExecuteAsync(DeleteKeyIn, db, destinationKey);
            await tx.ExecuteAsync(RenameKey, destinationKey, sourceKey);
            await tx.NotifyAsync(NotifyFlags.New, "new", destinationKey);
            await tx.NotifyAsync(NotifyFlags.Generic, "rename_from", sourceKey);
            await tx.NotifyAsync(NotifyFlags.Generic, "rename_to", destinationKey);
            await WakeBlockedAsync(tx, source.Type, destinationKey, db);
            return true;
        }, ctx.Sql.Retry.Set);
    }

    /// <summary>
    /// A collection arriving under a name may serve clients blocked on that name (Redis signals such a key as ready too);
    /// a string never can.
    /// </summary>
    private static Task WakeBlockedAsync(SqlTransaction tx, KeyType type, byte[] key, int db) =>
        type == KeyType.String ? Task.CompletedTask : tx.AppendEventAsync(EventKind.KeyReady, key, db: db);

    /// <summary>Locks two rows (live, expired or absent) in (db, key bytes) order and returns them in argument order.</summary>
    private static async Task<(KeyState? First, KeyState? Second)> LockPairAsync(SqlTransaction tx, (int Db, byte[] Key) first,
        (int Db, byte[] Key) second)
    {
        int order = first.Db != second.Db ? first.Db.CompareTo(second.Db) : KeyBytesComparer.Instance.Compare(first.Key, second.Key);
        if (order > 0)
        {
            var later = await LockAsync(tx, second.Db, second.Key);
            return (await LockAsync(tx, first.Db, first.Key), later);
        }
        var earlier = await LockAsync(tx, first.Db, first.Key);
        return (earlier, await LockAsync(tx, second.Db, second.Key));
    }

    private static Task<KeyState?> LockAsync(SqlTransaction tx, int db, byte[] key) => tx.QueryFirstAsync(LockKey, KeyState.Read, db, key);

    /// <summary>A db number argument as Redis reads it: an int, then within the configured databases.</summary>
    private int TargetDb(CommandContext ctx, int index)
    {
        long db = ctx.ArgInt64(index);
        if (db < int.MinValue || db > int.MaxValue) throw new RedisException(RedisErrors.NotInteger);
        if (db < 0 || db >= _databases) throw new RedisException(RedisErrors.DbIndexOutOfRange);
        return (int)db;
    }
}
