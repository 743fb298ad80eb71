using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Events;
using RedisOnMySql.Kernel.Families.Connection;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// The text INFO returns: "# Section" headers, "field:value" lines ending in CRLF, a blank line between sections,
/// in Redis 7.0's section order whatever order they were asked in.
/// </summary>
internal sealed class InfoReport(ClientRegistry clients, ServerStats stats, EventFeed events, ProxyOptions options, RuntimeConfig runtime,
    bool clusterMode)
{
    private static readonly string[] Ordered =
    [
        "server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules",
        "commandstats", "errorstats", "latencystats", "cluster", "keyspace",
    ];

    private static readonly HashSet<string> Default =
        ["server", "clients", "memory", "persistence", "stats", "replication", "cpu", "modules", "errorstats", "cluster", "keyspace"];

    private long _peakMemory;

    /// <summary>No argument means "default"; "all" and "everything" mean every section; unknown names add nothing.</summary>
    public static HashSet<string> SelectSections(IEnumerable<string> arguments)
    {
        var selected = new HashSet<string>();
        bool any = false;
        foreach (var argument in arguments)
        {
            any = true;
            var name = argument.ToLowerInvariant();
            if (name is "all" or "everything") selected.UnionWith(Ordered);
            else if (name == "default") selected.UnionWith(Default);
            else selected.Add(name);
        }
        if (!any) selected.UnionWith(Default);
        return selected;
    }

    public string Render(IReadOnlySet<string> sections, ClientSession caller, IReadOnlyList<KeyspaceSummary> keyspace)
    {
        var text = new StringBuilder();
        foreach (var section in Ordered.Where(sections.Contains))
        {
            if (text.Length > 0) text.Append("\r\n");
            text.Append("# ").Append(section == "cpu" ? "CPU" : char.ToUpperInvariant(section[0]) + section[1..]).Append("\r\n");
            foreach (var (field, value) in Fields(section, caller, keyspace))
                text.Append(field).Append(':').Append(value).Append("\r\n");
        }
        return text.ToString();
    }

    private IEnumerable<(string, object)> Fields(string section, ClientSession caller, IReadOnlyList<KeyspaceSummary> keyspace) =>
        section switch
        {
            "server" => ServerSection(caller),
            "clients" => ClientsSection(),
            "memory" => MemorySection(),
            "persistence" => PersistenceSection(),
            "stats" => StatsSection(),
            "replication" => ReplicationSection(),
            "cpu" => CpuSection(),
            "cluster" => [("cluster_enabled", clusterMode ? 1 : 0)],
            "keyspace" => keyspace.Select(k => ($"db{k.Db}", (object)k.InfoValue)),
            _ => [],
        };

    private IEnumerable<(string, object)> ServerSection(ClientSession caller)
    {
        var uptime = DateTimeOffset.UtcNow - stats.StartedAt;
        yield return ("redis_version", ConnectionCommands.ServerVersion);
        yield return ("redis_git_sha1", "00000000");
        yield return ("redis_git_dirty", 0);
        yield return ("redis_build_id", "0");
        yield return ("redis_mode", clusterMode ? "cluster" : "standalone");
        yield return ("os", OperatingSystemName());
        yield return ("arch_bits", Environment.Is64BitProcess ? 64 : 32);
        yield return ("monotonic_clock", "POSIX clock_gettime");
        yield return ("multiplexing_api", "epoll");
        yield return ("process_id", Environment.ProcessId);
        yield return ("process_supervised", "no");
        yield return ("run_id", stats.RunId);
        yield return ("tcp_port", ListenPort(caller, options));
        yield return ("server_time_usec", (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks / 10);
        yield return ("uptime_in_seconds", (long)uptime.TotalSeconds);
        yield return ("uptime_in_days", (long)uptime.TotalDays);
        yield return ("hz", 10);
        yield return ("configured_hz", 10);
        yield return ("executable", Environment.ProcessPath ?? "");
        yield return ("config_file", ConfigFile());
        yield return ("io_threads_active", 0);
    }

    private IEnumerable<(string, object)> ClientsSection()
    {
        yield return ("connected_clients", clients.Count);
        yield return ("cluster_connections", 0);
        yield return ("maxclients", runtime.MaxClients);
        yield return ("client_recent_max_input_buffer", 0);
        yield return ("client_recent_max_output_buffer", 0);
        yield return ("blocked_clients", clients.All.Count(s => s.IsBlocked));
        yield return ("tracking_clients", 0);
        yield return ("clients_in_timeout_table", 0);
    }

    /// <summary>What the GC holds now (Redis's used_memory), and the most it was seen to hold (INFO and MEMORY ask).</summary>
    public (long Used, long Peak) SampleMemory()
    {
        long used = GC.GetTotalMemory(false);
        long peak = Math.Max(used, Interlocked.Read(ref _peakMemory));
        Interlocked.Exchange(ref _peakMemory, peak);
        return (used, peak);
    }

    private IEnumerable<(string, object)> MemorySection()
    {
        var (used, peak) = SampleMemory();
        long rss = Environment.WorkingSet;
        long system = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        yield return ("used_memory", used);
        yield return ("used_memory_human", HumanBytes(used));
        yield return ("used_memory_rss", rss);
        yield return ("used_memory_rss_human", HumanBytes(rss));
        yield return ("used_memory_peak", peak);
        yield return ("used_memory_peak_human", HumanBytes(peak));
        yield return ("used_memory_peak_perc", (100.0 * used / Math.Max(1, peak)).ToString("0.00", CultureInfo.InvariantCulture) + "%");
        yield return ("total_system_memory", system);
        yield return ("total_system_memory_human", HumanBytes(system));
        yield return ("maxmemory", 0);
        yield return ("maxmemory_human", "0B");
        yield return ("maxmemory_policy", "noeviction");
        yield return ("mem_fragmentation_ratio", ((double)rss / Math.Max(1, used)).ToString("0.00", CultureInfo.InvariantCulture));
        yield return ("mem_allocator", "dotnet-gc");
        yield return ("lazyfree_pending_objects", 0);
    }

    /// <summary>Everything is persisted by MySQL on every write; there is no RDB or AOF to report on.</summary>
    private IEnumerable<(string, object)> PersistenceSection()
    {
        yield return ("loading", 0);
        yield return ("async_loading", 0);
        yield return ("rdb_changes_since_last_save", 0);
        yield return ("rdb_bgsave_in_progress", 0);
        yield return ("rdb_last_save_time", stats.StartedAt.ToUnixTimeSeconds());
        yield return ("rdb_last_bgsave_status", "ok");
        yield return ("rdb_last_bgsave_time_sec", -1);
        yield return ("rdb_current_bgsave_time_sec", -1);
        yield return ("aof_enabled", 0);
        yield return ("aof_rewrite_in_progress", 0);
        yield return ("aof_rewrite_scheduled", 0);
        yield return ("aof_last_rewrite_time_sec", -1);
        yield return ("aof_current_rewrite_time_sec", -1);
        yield return ("aof_last_bgrewrite_status", "ok");
        yield return ("aof_last_write_status", "ok");
    }

    private IEnumerable<(string, object)> StatsSection()
    {
        yield return ("total_connections_received", stats.ConnectionsReceived);
        yield return ("total_commands_processed", stats.CommandsProcessed);
        yield return ("instantaneous_ops_per_sec", 0);
        yield return ("total_net_input_bytes", stats.NetInputBytes);
        yield return ("total_net_output_bytes", stats.NetOutputBytes);
        yield return ("instantaneous_input_kbps", "0.00");
        yield return ("instantaneous_output_kbps", "0.00");
        yield return ("rejected_connections", stats.RejectedConnections);
        yield return ("sync_full", 0);
        yield return ("sync_partial_ok", 0);
        yield return ("sync_partial_err", 0);
        yield return ("expired_keys", stats.ExpiredKeys);
        yield return ("expired_stale_perc", "0.00");
        yield return ("expired_time_cap_reached_count", 0);
        yield return ("evicted_keys", 0);
        yield return ("keyspace_hits", stats.KeyspaceHits);
        yield return ("keyspace_misses", stats.KeyspaceMisses);
        yield return ("pubsub_channels", 0);
        yield return ("pubsub_patterns", 0);
        yield return ("latest_fork_usec", 0);
        yield return ("total_forks", 0);
        yield return ("migrate_cached_sockets", 0);
        yield return ("total_error_replies", stats.ErrorReplies);
        // Not in Redis: queries this proxy sent to read other proxies' events (none while no client is blocked).
        yield return ("event_feed_polls", events.Polls);
    }

    private IEnumerable<(string, object)> ReplicationSection()
    {
        yield return ("role", "master");
        yield return ("connected_slaves", 0);
        yield return ("master_failover_state", "no-failover");
        yield return ("master_replid", stats.RunId);
        yield return ("master_replid2", new string('0', 40));
        yield return ("master_repl_offset", 0);
        yield return ("second_repl_offset", -1);
        yield return ("repl_backlog_active", 0);
        yield return ("repl_backlog_size", 1048576);
        yield return ("repl_backlog_first_byte_offset", 0);
        yield return ("repl_backlog_histlen", 0);
    }

    private static IEnumerable<(string, object)> CpuSection()
    {
        using var process = Process.GetCurrentProcess();
        var system = process.PrivilegedProcessorTime.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
        var user = process.UserProcessorTime.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
        yield return ("used_cpu_sys", system);
        yield return ("used_cpu_user", user);
        yield return ("used_cpu_sys_children", "0.000000");
        yield return ("used_cpu_user_children", "0.000000");
    }

    /// <summary>The port the caller reached us on: the configured one, unless it was 0 (any free port).</summary>
    public static int ListenPort(ClientSession caller, ProxyOptions options) =>
        caller.LocalEndPoint is System.Net.IPEndPoint local ? local.Port : HostPort.Parse(options.BindAddr).Port;

    private static string ConfigFile()
    {
        var path = Environment.GetEnvironmentVariable(ConfigLoader.ConfigFileVariable);
        return string.IsNullOrWhiteSpace(path) ? "" : Path.GetFullPath(path);
    }

    /// <summary>Like uname: "Linux 6.1.0-18-amd64 x86_64".</summary>
    private static string OperatingSystemName()
    {
        var parts = RuntimeInformation.OSDescription.Split(' ', 3);
        var machine = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x86_64",
            Architecture.Arm64 => "aarch64",
            var other => other.ToString().ToLowerInvariant(),
        };
        return parts.Length >= 2 ? $"{parts[0]} {parts[1]} {machine}" : $"{RuntimeInformation.OSDescription} {machine}";
    }

    /// <summary>Redis's bytesToHuman: "512B", "1.50K", "2.00M", ...</summary>
    public static string HumanBytes(long bytes)
    {
        if (bytes < 1024) return bytes + "B";
        string[] units = ["K", "M", "G", "T", "P"];
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("0.00", CultureInfo.InvariantCulture) + units[unit];
    }
}
