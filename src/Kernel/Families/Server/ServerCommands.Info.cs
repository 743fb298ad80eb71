using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Families.Server;

public sealed partial class ServerCommands
{
    private InfoReport? _info;

    private InfoReport Info => _info ??= new InfoReport(clients, stats, events, options, services.GetRequiredService<RuntimeConfig>(),
        Table.ClusterMode);

    [RedisCommand("info", -1, CommandFlags.Loading | CommandFlags.Stale, Group = "server",
        Summary = "Returns information and statistics about the server.", Since = "1.0.0", AclCategories = "@dangerous")]
    public async ValueTask InfoCommand(CommandContext ctx)
    {
        var sections = InfoReport.SelectSections(Enumerable.Range(1, ctx.Count - 1).Select(ctx.ArgString));
        IReadOnlyList<KeyspaceSummary> keyspace = [];
        if (sections.Contains("keyspace"))
        {
            long now = ctx.NowMs;
            keyspace = await ctx.Sql.QueryListAsync(KeyspaceSummary.PerDatabase, r => KeyspaceSummary.Read(r, now), now)
                .ConfigureAwait(false);
        }
        ctx.Reply.WriteBulkString(Info.Render(sections, ctx.Session, keyspace));
    }
}
