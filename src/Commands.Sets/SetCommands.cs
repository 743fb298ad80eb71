using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>
/// The sets family: members are rows of set_members hanging off the key's keyspace id. Writes are one transaction
/// that locks the key first (<see cref="CollectionKey"/>); a set whose last member goes is deleted. Reads resolve the
/// key, then read its members by id; multi-key algebra runs as SQL (<see cref="SetAlgebraStatements"/>).
/// This file: adding, removing and membership; see the other partial files for random access, SMOVE, algebra, SSCAN.
/// </summary>
public sealed partial class SetCommands : ICommandFamily, IChildRowOwner
{
    public string Name => "sets";

    public IReadOnlyList<ChildTable> ChildTables { get; } = [SetStatements.Children, SetStatements.Sizes.Children];

    [RedisCommand("sadd", -3, CommandFlags.Write | CommandFlags.DenyOom | CommandFlags.Fast, 1, 1, 1, Group = "set", Summary = "Adds one or more members to a set. Creates the key if it doesn't exist.")]
    public async ValueTask SAdd(CommandContext ctx)
    {
        var members = SetMember.DistinctOf(ctx.Args.Skip(2));
        long added = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await CollectionKey.LockAsync(tx, ctx.Arg(1), SetStatements.Sizes, ctx.NowMs);
            long n = await InsertMembersAsync(tx, await key.EnsureCreatedAsync(), members);
            if (n == 0) return 0L;
            await key.ResizeAsync(n);
            await tx.NotifyAsync(NotifyFlags.Set, "sadd", ctx.Arg(1));
            return n;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(added);
    }

    [RedisCommand("srem", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, Group = "set", Summary = "Removes one or more members from a set. Deletes the set if the last member was removed.")]
    public async ValueTask SRem(CommandContext ctx)
    {
        var members = SetMember.DistinctOf(ctx.Args.Skip(2));
        long removed = await ctx.Sql.TransactionAsync(async tx =>
        {
            var key = await CollectionKey.LockAsync(tx, ctx.Arg(1), SetStatements.Sizes, ctx.NowMs);
            if (!key.Exists) return 0L;
            long n = await DeleteMembersAsync(tx, key.Id, members);
            if (n == 0) return 0L;
            await tx.NotifyAsync(NotifyFlags.Set, "srem", ctx.Arg(1));
            if (await key.ResizeAsync(-n)) await tx.NotifyAsync(NotifyFlags.Generic, "del", ctx.Arg(1));
            return n;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(removed);
    }

    [RedisCommand("scard", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "set", Summary = "Returns the number of members in a set.")]
    public async ValueTask SCard(CommandContext ctx)
    {
        var row = await ctx.Sql.QueryFirstAsync(SetStatements.Sizes.SelectKeySize,
            r => (Type: (KeyType)Convert.ToByte(r.GetValue(0)), Count: r.IsDBNull(1) ? 0 : Convert.ToInt64(r.GetValue(1))), ctx.Arg(1), ctx.NowMs);
        if (row != default) RequireSet(row.Type);
        ctx.Reply.WriteInteger(row.Count);
    }

    [RedisCommand("sismember", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "set", Summary = "Determines whether a member belongs to a set.")]
    public async ValueTask SIsMember(CommandContext ctx)
    {
        var row = await ctx.Sql.QueryFirstAsync(SetStatements.IsMember,
            r => (Type: (KeyType)Convert.ToByte(r.GetValue(0)), Found: Convert.ToInt64(r.GetValue(1))),
            SetMember.Of(ctx.Arg(2)).Hash, ctx.Arg(1), ctx.NowMs);
        if (row != default) RequireSet(row.Type);
        ctx.Reply.WriteInteger(row.Found);
    }

    [RedisCommand("smismember", -3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, Group = "set", Since = "6.2.0", Summary = "Determines whether multiple members belong to a set.")]
    public async ValueTask SMIsMember(CommandContext ctx)
    {
        var asked = ctx.Args.Skip(2).Select(SetMember.Of).ToList();
        var present = new HashSet<string>();
        if (await FindSetAsync(ctx, ctx.Arg(1)) is long id)
        {
            foreach (var chunk in SetMember.DistinctOf(ctx.Args.Skip(2)).Chunk(SetStatements.MaxMembers))
            {
                var hashes = await ctx.Sql.QueryListAsync(SetStatements.SelectPresent(InListShape.For(chunk.Length)),
                    r => Convert.ToHexString((byte[])r.GetValue(0)), [id, .. InListShape.Padded(chunk).Select(m => m.Hash)]);
                present.UnionWith(hashes);
            }
        }
        ctx.Reply.WriteArrayHeader(asked.Count);
        foreach (var member in asked) ctx.Reply.WriteInteger(present.Contains(Convert.ToHexString(member.Hash)) ? 1 : 0);
    }

    [RedisCommand("smembers", 2, CommandFlags.ReadOnly, 1, 1, 1, Group = "set", Summary = "Returns all members of a set.")]
    public async ValueTask SMembers(CommandContext ctx)
    {
        var members = await FindSetAsync(ctx, ctx.Arg(1)) is long id
            ? await ctx.Sql.QueryListAsync(SetStatements.SelectMembers, r => (byte[])r.GetValue(0), id)
            : [];
        WriteMembers(ctx, members);
    }

    /// <summary>The id of the visible set at <paramref name="key"/>, null when absent; WRONGTYPE for another type.</summary>
    private static async Task<long?> FindSetAsync(CommandContext ctx, byte[] key)
    {
        var row = await ctx.Sql.QueryFirstAsync(KeyRowStatements.SelectKeys(1), KeyRow.Read, key, ctx.NowMs);
        if (row is null) return null;
        RequireSet(row.Type);
        return row.Id;
    }

    /// <summary>
    /// Locks the keyspace rows of <paramref name="keys"/> (live, expired; missing ones lock nothing) in key order, the
    /// order every multi-key writer of this family uses, and returns them.
    /// </summary>
    private static Task<List<KeyRow>> LockKeysAsync(ISqlRunner tx, IReadOnlyList<byte[]> keys)
    {
        var distinct = keys.DistinctBy(Convert.ToHexString).ToList();
        return tx.QueryListAsync(KeyRowStatements.LockKeys(InListShape.For(distinct.Count)), KeyRow.Read,
            [.. InListShape.Padded(distinct)]);
    }

    /// <summary>Adds members to the set <paramref name="id"/> (locked by the caller); returns how many were new.</summary>
    private static async Task<long> InsertMembersAsync(ISqlRunner tx, long id, IReadOnlyList<SetMember> members)
    {
        long added = 0;
        foreach (var chunk in members.Chunk(SetStatements.MaxMembers))
        {
            var rows = InListShape.Padded(chunk).SelectMany(m => new[] { m.Hash, m.Value });
            added += await tx.ExecuteAsync(SetStatements.InsertMembers(InListShape.For(chunk.Length)), [id, .. rows]);
        }
        return added;
    }

    /// <summary>Removes members from the set <paramref name="id"/> (locked by the caller); returns how many were there.</summary>
    private static async Task<long> DeleteMembersAsync(ISqlRunner tx, long id, IReadOnlyList<SetMember> members)
    {
        long removed = 0;
        foreach (var chunk in members.Chunk(SetStatements.MaxMembers))
            removed += await tx.ExecuteAsync(SetStatements.DeleteMembers(InListShape.For(chunk.Length)),
                [id, .. InListShape.Padded(chunk).Select(m => m.Hash)]);
        return removed;
    }

    private static void RequireSet(KeyType type)
    {
        if (type != KeyType.Set) throw new RedisException(RedisErrors.WrongType);
    }

    private static void WriteMembers(CommandContext ctx, IReadOnlyCollection<byte[]> members)
    {
        ctx.Reply.WriteArrayHeader(members.Count);
        foreach (var member in members) ctx.Reply.WriteBulkString(member);
    }
}
