using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>SMOVE.</summary>
public sealed partial class SetCommands
{
    [RedisCommand("smove", 4, CommandFlags.Write | CommandFlags.Fast, 1, 2, 1, Group = "set", Summary = "Moves a member from one set to another.")]
    public async ValueTask SMove(CommandContext ctx)
    {
        byte[] sourceKey = ctx.Arg(1), destinationKey = ctx.Arg(2);
        var member = SetMember.Of(ctx.Arg(3));
        bool moved = await ctx.Sql.TransactionAsync(async tx =>
        {
            // Both rows first, in key order, so two SMOVEs in opposite directions wait instead of deadlocking.
            await LockKeysAsync(tx, [sourceKey, destinationKey]);
            var source = await CollectionKey.LockAsync(tx, sourceKey, SetStatements.Sizes, ctx.NowMs);
            // Redis answers 0 for a missing source before it looks at the destination's type.
            if (!source.Exists) return false;
            var destination = await CollectionKey.LockAsync(tx, destinationKey, SetStatements.Sizes, ctx.NowMs);
            if (destination.Exists && destination.Id == source.Id)
                return await tx.QueryFirstAsync(SetStatements.ContainsMember, r => true, source.Id, member.Hash);
            if (await tx.ExecuteAsync(SetStatements.DeleteMember, source.Id, member.Hash) == 0) return false;
            await tx.NotifyAsync(NotifyFlags.Set, "srem", sourceKey);
            if (await source.ResizeAsync(-1)) await tx.NotifyAsync(NotifyFlags.Generic, "del", sourceKey);
            // A destination already holding the member is left as it was: Redis raises no sadd then.
            if (await tx.ExecuteAsync(SetStatements.InsertMember, await destination.EnsureCreatedAsync(), member.Hash, member.Value) > 0)
            {
                await destination.ResizeAsync(1);
                await tx.NotifyAsync(NotifyFlags.Set, "sadd", destinationKey);
            }
            return true;
        }, ctx.Sql.Retry.Set);
        ctx.Reply.WriteInteger(moved ? 1 : 0);
    }
}
