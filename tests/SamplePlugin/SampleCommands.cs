using Newtonsoft.Json;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace SamplePlugin;

/// <summary>
/// A third-party family: SAMPLE.JSON uses a dependency the kernel does not have, SAMPLE.HIT keeps a counter in the
/// plugin's own table, scoped to the tenant by the kernel's SQL builder, and SAMPLE.HITS reads it through a plan
/// (pipelined reads share one connection).
/// </summary>
public sealed class SampleCommands : ICommandFamily
{
    private static readonly SqlTable Hits = new("sample_hits", TableScope.Tenant);

    private static readonly Statement Increment = SqlBuilder.Insert(Hits)
        .Value("name", "@name").Value("hits", "1")
        .OnDuplicateKeyUpdate("hits = hits + 1")
        .Build("sample.hit.increment");

    private static readonly Statement Read = SqlBuilder.From(Hits)
        .Select("hits").Where("name", "=", "@name")
        .Build("sample.hit.read");

    public string Name => "sample";

    [RedisCommand("sample.json", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1,
        Summary = "Returns a JSON document describing the key, the tenant and the JSON library.")]
    public ValueTask Json(CommandContext ctx)
    {
        var library = typeof(JsonConvert).Assembly.GetName();
        var document = JsonConvert.SerializeObject(new
        {
            key = ctx.ArgString(1),
            tenant = ctx.Session.Tenant,
            library = $"{library.Name} {library.Version}",
        });
        ctx.Reply.WriteBulkString(document);
        return ValueTask.CompletedTask;
    }

    [RedisCommand("sample.hit", 2, CommandFlags.Write | CommandFlags.Fast,
        Summary = "Increments the tenant's counter of that name and returns the new value.")]
    public async ValueTask Hit(CommandContext ctx)
    {
        var name = ctx.Arg(1);
        long hits = await ctx.Sql.TransactionAsync(async tx =>
        {
            await tx.ExecuteAsync(Increment, name).ConfigureAwait(false);
            return await tx.QueryFirstAsync(Read, reader => reader.GetInt64(0), name).ConfigureAwait(false);
        }, ctx.Sql.Retry.Incr).ConfigureAwait(false);
        ctx.Reply.WriteInteger(hits);
    }

    [RedisCommand("sample.hits", 2, CommandFlags.ReadOnly | CommandFlags.Fast,
        Summary = "Returns the tenant's counter of that name, 0 when it was never hit.")]
    public ValueTask HitCount(CommandContext ctx) => ctx.RunPlanAsync(PlanHitCount(ctx));

    [CommandPlan("sample.hits")]
    public CommandPlan PlanHitCount(CommandContext ctx) =>
        new(Read, [ctx.Arg(1)], (reply, row) => reply.WriteInteger(row == null ? 0 : Convert.ToInt64(row[0])));
}
