using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;
using RedisOnMySql.Kernel.Values;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// MEMORY. USAGE answers what redis-server 7.0 would report for the same key and value (<see cref="MemoryUsage"/>),
/// since that is what a client sizing its data asks; the data itself lives in MySQL. STATS and DOCTOR describe this
/// process, whose memory is the .NET GC's (<see cref="ProcessMemory"/>); MALLOC-STATS answers as Redis does for an
/// allocator other than jemalloc, and PURGE asks the GC to give memory back.
/// </summary>
public sealed partial class ServerCommands
{
    private static readonly string[] MemoryHelp =
    [
        "DOCTOR",
        "    Return memory problems reports.",
        "MALLOC-STATS",
        "    Return internal statistics report from the memory allocator.",
        "PURGE",
        "    Attempt to purge dirty pages for reclamation by the allocator.",
        "STATS",
        "    Return information about the memory usage of the server.",
        "USAGE <key> [SAMPLES <count>]",
        "    Return memory in bytes used by <key> and its value. Nested values are",
        "    sampled up to <count> times (default: 5, 0 means sample all).",
    ];

    /// <summary>Redis's OBJ_COMPUTE_SIZE_DEF_SAMPLES.</summary>
    private const long DefaultMemorySamples = 5;

    // getMemoryDoctorReport's thresholds: below 5 MB there is nothing to judge; a peak 1.5 times what is used now; an
    // allocator holding more than 1.1 times what it uses, and 10 MB more.
    private const long NearlyEmptyBytes = 5 << 20;
    private const float BigPeakRatio = 1.5f;
    private const float HighRssRatio = 1.1f;
    private const long HighRssBytes = 10 << 20;

    private const string DoctorNoIssues =
        "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
    private const string DoctorEmpty =
        "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. " +
        "Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming " +
        "as soon as I finished rebooting.\n";
    private const string DoctorIntro = "Sam, I detected a few issues in this Redis instance memory implants:\n\n";
    private const string DoctorBigPeak =
        " * Peak memory: In the past this instance used more than 150% the memory that is currently using. The allocator is " +
        "normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, however this is " +
        "actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently " +
        "bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. If the memory " +
        "peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the " +
        "only other option is to shutdown and restart the instance.\n\n";
    private const string DoctorHighAllocatorRss =
        " * High allocator RSS overhead: This instance has an RSS memory overhead is greater than 1.1 (this means that the " +
        "Resident Set Size of the allocator is much larger than the sum what the allocator actually holds). This problem is " +
        "usually due to a large peak memory (check if there is a peak memory entry above in the report), you can try the " +
        "MEMORY PURGE command to reclaim it.\n\n";
    private const string DoctorOutro = "I'm here to keep you safe, Sam. I want to help you.\n";

    /// <summary>What the GC held when the command table was built at startup (MEMORY STATS's startup.allocated).</summary>
    private readonly long _startupMemory = GC.GetTotalMemory(false);

    private Subcommands? _memory;
    private MemoryUsage? _memoryUsage;

    private MemoryUsage Usage => _memoryUsage ??= CreateMemoryUsage();

    private Subcommands MemorySubcommands => _memory ??= new Subcommands("memory")
        .Add("usage", -3, MemoryUsageOfKey)
        .Add("stats", 2, MemoryStats)
        .Add("doctor", 2, ctx =>
        {
            ctx.Reply.WriteBulkString(DoctorReport(ProcessMemory.Sample(Info, _startupMemory)));
            return ValueTask.CompletedTask;
        })
        .Add("malloc-stats", 2, ctx =>
        {
            // Redis's answer when it was built without jemalloc: this process's allocator is the .NET GC.
            ctx.Reply.WriteBulkString("Stats not supported for the current allocator");
            return ValueTask.CompletedTask;
        })
        .Add("purge", 2, ctx =>
        {
            // Redis asks jemalloc to return its dirty pages to the system. Here the GC holds the free memory: a
            // blocking, compacting full collection in aggressive mode gives back what it can, as much as GC settings
            // allow; like Redis's purge it runs while the caller waits.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            ctx.Reply.WriteOk();
            return ValueTask.CompletedTask;
        })
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "MEMORY", MemoryHelp));

    [RedisCommand("memory", -2, CommandFlags.Container, Group = "server", Summary = "A container for memory diagnostics commands.",
        Since = "4.0.0")]
    public ValueTask Memory(CommandContext ctx) => MemorySubcommands.RunAsync(ctx);

    /// <summary>MEMORY USAGE key [SAMPLES count]: the options are checked before the key is looked up, as in Redis.</summary>
    private async ValueTask MemoryUsageOfKey(CommandContext ctx)
    {
        long samples = DefaultMemorySamples;
        for (int i = 3; i < ctx.Count; i++)
        {
            if (!ctx.ArgIs(i, "samples") || i + 1 == ctx.Count) throw new RedisException(RedisErrors.Syntax);
            if (!RedisNumbers.TryParseInt64(ctx.Arg(++i), out samples)) throw new RedisException(RedisErrors.NotInteger);
            if (samples < 0) throw new RedisException(RedisErrors.Syntax);
            if (samples == 0) samples = long.MaxValue;
        }
        var store = services.GetRequiredService<ConfigStore>();
        int compressDepth = Convert.ToInt32(store.Values[RedisConfigTable.Find("list-compress-depth")]);
        var usage = await Usage.OfAsync(ctx, ctx.Arg(2), samples, store.EncodingOptions(), compressDepth);
        if (usage is null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteInteger(usage.Value);
    }

    /// <summary>
    /// Redis's map of figures (a flat array in RESP2), with this process's: no replication, AOF, scripts or cluster
    /// links, and no per-key structures, so the overhead is what the process held at startup; the keys counted are the
    /// caller tenant's, with a db.N entry for each database holding some, as in Redis.
    /// </summary>
    private async ValueTask MemoryStats(CommandContext ctx)
    {
        long now = ctx.NowMs;
        var keyspace = await ctx.Sql.QueryListAsync(KeyspaceSummary.PerDatabase, r => KeyspaceSummary.Read(r, now), now);
        var memory = ProcessMemory.Sample(Info, _startupMemory);
        long keys = keyspace.Sum(k => k.Keys);
        long overhead = memory.Startup;
        long dataset = Math.Max(0, memory.Allocated - overhead);

        var reply = ctx.Reply;
        void Figure(string name, long value)
        {
            reply.WriteBulkString(name);
            reply.WriteInteger(value);
        }
        // Redis keeps ratios and percentages in floats and sends them as doubles.
        void Ratio(string name, float value)
        {
            reply.WriteBulkString(name);
            reply.WriteBulkString(ScoreText.Format(value));
        }

        reply.WriteArrayHeader(2 * (27 + keyspace.Count));
        Figure("peak.allocated", memory.Peak);
        Figure("total.allocated", memory.Allocated);
        Figure("startup.allocated", memory.Startup);
        Figure("replication.backlog", 0);
        Figure("clients.slaves", 0);
        Figure("clients.normal", 0);
        Figure("cluster.links", 0);
        Figure("aof.buffer", 0);
        Figure("lua.caches", 0);
        Figure("functions.caches", 0);
        foreach (var db in keyspace)
        {
            reply.WriteBulkString($"db.{db.Db}");
            reply.WriteArrayHeader(6);
            Figure("overhead.hashtable.main", 0);
            Figure("overhead.hashtable.expires", 0);
            Figure("overhead.hashtable.slot-to-keys", 0);
        }
        Figure("overhead.total", overhead);
        Figure("keys.count", keys);
        Figure("keys.bytes-per-key", keys > 0 ? memory.NetUsage / keys : 0);
        Figure("dataset.bytes", dataset);
        Ratio("dataset.percentage", (float)dataset * 100 / memory.NetUsage);
        Ratio("peak.percentage", (float)memory.Allocated * 100 / memory.Peak);
        Figure("allocator.allocated", memory.Allocated);
        Figure("allocator.active", memory.Active);
        Figure("allocator.resident", memory.Resident);
        Ratio("allocator-fragmentation.ratio", (float)memory.Active / memory.Allocated);
        Figure("allocator-fragmentation.bytes", memory.Active - memory.Allocated);
        Ratio("allocator-rss.ratio", (float)memory.Resident / memory.Active);
        Figure("allocator-rss.bytes", memory.Resident - memory.Active);
        Ratio("rss-overhead.ratio", (float)memory.Rss / memory.Resident);
        Figure("rss-overhead.bytes", memory.Rss - memory.Resident);
        Ratio("fragmentation", (float)memory.Rss / memory.Allocated);
        Figure("fragmentation.bytes", memory.Rss - memory.Allocated);
    }

    /// <summary>
    /// Redis's memory doctor, with the checks whose figures and advice hold for a .NET process: the peak and the GC's
    /// committed but unused memory (which PURGE gives back). The RSS beyond the GC heap is the runtime's own, which no
    /// allocator setting changes, and client buffers and scripts are not tracked.
    /// </summary>
    private static string DoctorReport(ProcessMemory memory)
    {
        if (memory.Allocated < NearlyEmptyBytes) return DoctorEmpty;
        bool bigPeak = (float)memory.Peak / memory.Allocated > BigPeakRatio;
        bool highAllocatorRss = (float)memory.Resident / memory.Active > HighRssRatio && memory.Resident - memory.Active > HighRssBytes;
        if (!bigPeak && !highAllocatorRss) return DoctorNoIssues;
        return DoctorIntro + (bigPeak ? DoctorBigPeak : "") + (highAllocatorRss ? DoctorHighAllocatorRss : "") + DoctorOutro;
    }

    private MemoryUsage CreateMemoryUsage()
    {
        var commands = services.GetRequiredService<InternalCommands>();
        return new MemoryUsage(commands, new ValueEncodings(commands));
    }
}
