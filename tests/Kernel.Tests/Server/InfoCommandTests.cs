using System.Text.RegularExpressions;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Server;

public class InfoCommandTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private static readonly string[] DefaultHeaders =
        ["# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication", "# CPU", "# Modules", "# Errorstats", "# Cluster", "# Keyspace"];

    private static Dictionary<string, string> Fields(string info) =>
        info.Split("\r\n").Where(l => l.Contains(':') && !l.StartsWith('#'))
            .ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 1)..]);

    private static List<string> Headers(string info) => info.Split("\r\n").Where(l => l.StartsWith("# ")).ToList();

    private async Task<string> InfoAsync(params string[] sections)
    {
        using var client = await fixture.RawAsync();
        return RespReply.Bulk(await client.CommandAsync(["INFO", .. sections]));
    }

    [Fact]
    public async Task Default_sections_come_in_redis_order_with_crlf_lines()
    {
        var info = await InfoAsync();
        Assert.Equal(DefaultHeaders, Headers(info));
        Assert.StartsWith("# Server\r\nredis_version:7.0.0\r\n", info);
        Assert.Contains("\r\n\r\n# Clients\r\n", info);
        Assert.EndsWith("\r\n", info);
        Assert.DoesNotMatch(new Regex("[^\r]\n"), info);
        Assert.Equal(DefaultHeaders, Headers(await InfoAsync("default")));
    }

    [Fact]
    public async Task Server_section_has_real_figures()
    {
        var fields = Fields(await InfoAsync("server"));
        Assert.Equal("7.0.0", fields["redis_version"]);
        Assert.Equal("standalone", fields["redis_mode"]);
        Assert.Equal(fixture.Proxy.ProcessId.ToString(), fields["process_id"]);
        Assert.Equal(fixture.Port.ToString(), fields["tcp_port"]);
        Assert.Matches("^[0-9a-f]{40}$", fields["run_id"]);
        Assert.Contains(fields["arch_bits"], new[] { "32", "64" });
        Assert.True(long.Parse(fields["uptime_in_seconds"]) >= 0);
        Assert.Equal("0", fields["uptime_in_days"]);
        Assert.False(string.IsNullOrEmpty(fields["os"]));
        Assert.True(fields.ContainsKey("executable"));
        Assert.True(fields.ContainsKey("config_file"));
    }

    [Fact]
    public async Task Clients_and_stats_count_what_happened()
    {
        using var other = await fixture.RawAsync(ProxyFixture.UserB);
        using var client = await fixture.RawAsync();
        var before = Fields(RespReply.Bulk(await client.CommandAsync("INFO", "stats", "clients")));
        await client.CommandAsync("NO-SUCH-COMMAND");
        await client.CommandAsync("PING");
        var after = Fields(RespReply.Bulk(await client.CommandAsync("INFO", "STATS", "Clients")));

        Assert.True(int.Parse(after["connected_clients"]) >= 2);
        Assert.Equal("10000", after["maxclients"]);
        // The first INFO and PING; an unknown command is refused, not processed, as in Redis.
        Assert.True(long.Parse(after["total_commands_processed"]) >= long.Parse(before["total_commands_processed"]) + 2);
        Assert.True(long.Parse(after["total_error_replies"]) >= long.Parse(before["total_error_replies"]) + 1);
        Assert.True(long.Parse(after["total_connections_received"]) >= 2);
        Assert.True(long.Parse(after["total_net_input_bytes"]) > long.Parse(before["total_net_input_bytes"]));
        Assert.True(long.Parse(after["total_net_output_bytes"]) > 0);
        Assert.Equal("0", after["rejected_connections"]);
        Assert.Equal("0", after["keyspace_hits"]);
    }

    [Fact]
    public async Task Sections_are_selected_case_insensitively_and_unknown_ones_are_empty()
    {
        Assert.Equal(["# Memory", "# CPU"], Headers(await InfoAsync("cpu", "MEMORY")));
        Assert.Equal("", await InfoAsync("nonsense"));
        var all = Headers(await InfoAsync("all"));
        Assert.Contains("# Commandstats", all);
        Assert.Contains("# Keyspace", all);
        Assert.Equal(all, Headers(await InfoAsync("everything")));
        var fields = Fields(await InfoAsync("memory", "persistence", "replication", "cpu", "cluster"));
        Assert.Equal("0", fields["maxmemory"]);
        Assert.Equal("noeviction", fields["maxmemory_policy"]);
        Assert.Matches(@"^\d+(\.\d\d[KMGTP])?B?$", fields["used_memory_human"]);
        Assert.Equal("0", fields["loading"]);
        Assert.Equal("0", fields["aof_enabled"]);
        Assert.Equal("master", fields["role"]);
        Assert.Equal("0", fields["connected_slaves"]);
        Assert.Matches(@"^\d+\.\d{6}$", fields["used_cpu_user"]);
        Assert.Equal("0", fields["cluster_enabled"]);
    }

    [Fact]
    public async Task Info_requires_authentication()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-NOAUTH Authentication required.\r\n", await client.CommandAsync("INFO"));
    }
}
