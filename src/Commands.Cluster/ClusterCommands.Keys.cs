using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// KEYSLOT, COUNTKEYSINSLOT and GETKEYSINSLOT. A slot's keys are the caller's tenant's, in its selected db, that have
/// not expired: every proxy serves every key, so each node answers for the whole slot.
/// </summary>
public sealed partial class ClusterCommands
{
    private ValueTask KeySlotOf(CommandContext ctx)
    {
        ctx.Reply.WriteInteger(KeySlot.Of(ctx.Arg(2)));
        return ValueTask.CompletedTask;
    }

    private async ValueTask CountKeysInSlot(CommandContext ctx)
    {
        long slot = ctx.ArgInt64(2);
        if (slot is < 0 or >= KeySlot.Count) throw RedisException.Err("Invalid slot");
        ctx.Reply.WriteInteger(await ctx.Sql.QueryFirstAsync(ClusterStatements.CountKeysInSlot, row => row.GetInt64(0), slot, ctx.NowMs));
    }

    private async ValueTask GetKeysInSlot(CommandContext ctx)
    {
        long slot = ctx.ArgInt64(2);
        long count = ctx.ArgInt64(3);
        if (slot is < 0 or >= KeySlot.Count || count < 0) throw RedisException.Err("Invalid slot or number of keys");
        var keys = await ctx.Sql.QueryListAsync(ClusterStatements.KeysInSlot, row => (byte[])row.GetValue(0), slot, ctx.NowMs, count);
        ctx.Reply.WriteArrayHeader(keys.Count);
        foreach (var key in keys) ctx.Reply.WriteBulkString(key);
    }
}
