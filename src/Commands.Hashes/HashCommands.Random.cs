using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>HRANDFIELD: the random choice is made in SQL (ORDER BY RAND() LIMIT n) so only the chosen fields travel.</summary>
public sealed partial class HashCommands
{
    [RedisCommand("hrandfield", -2, CommandFlags.ReadOnly, 1, 1, 1, Group = "hash", Summary = "Returns one or more random fields from a hash.", Since = "6.2.0")]
    public async ValueTask HRandField(CommandContext ctx)
    {
        if (ctx.Count == 2)
        {
            var id = await FindHashAsync(ctx);
            var field = id is null ? null
                : await ctx.Sql.QueryFirstAsync(HashStatements.SelectRandomFields, r => (byte[])r.GetValue(0), id.Value, 1L);
            WriteValue(ctx, field);
            return;
        }

        // Redis's order: the count, the option, the WITHVALUES range, then the key.
        long count = ctx.ArgInt64(2);
        if (count == long.MinValue)
            throw RedisException.Err($"value is out of range, value must between {-long.MaxValue} and {long.MaxValue}");
        bool withValues = ctx.Count == 4 && ctx.ArgIs(3, "WITHVALUES");
        if (ctx.Count > 4 || (ctx.Count == 4 && !withValues)) throw new RedisException(RedisErrors.Syntax);
        if (withValues && (count < -long.MaxValue / 2 || count > long.MaxValue / 2)) throw RedisException.Err("value is out of range");
        // Redis would stream billions of repeated fields; a reply that size cannot be built here.
        if (count < -int.MaxValue) throw RedisException.Err("value is out of range");

        var hashId = await FindHashAsync(ctx);
        var chosen = hashId is null || count == 0 ? []
            : await ctx.Sql.QueryListAsync(HashStatements.SelectRandomFields,
                r => (Field: (byte[])r.GetValue(0), Value: (byte[])r.GetValue(1)), hashId.Value, Math.Abs(count));
        // A negative count may repeat fields and always returns exactly |count|: draw from the distinct random sample,
        // which is uniform over the hash for every draw.
        var picks = count > 0 || chosen.Count == 0 ? chosen
            : Enumerable.Range(0, (int)-count).Select(_ => chosen[Random.Shared.Next(chosen.Count)]).ToList();

        ctx.Reply.WriteArrayHeader(withValues ? picks.Count * 2 : picks.Count);
        foreach (var (field, value) in picks)
        {
            ctx.Reply.WriteBulkString(field);
            if (withValues) ctx.Reply.WriteBulkString(value);
        }
    }
}
