namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>
/// This process's memory in the terms of Redis's MEMORY STATS and DOCTOR (getMemoryOverheadData), from the .NET GC
/// rather than jemalloc: "allocated" is what the GC heap holds (INFO's used_memory), "active" adds the free space
/// between its objects, "resident" is what the GC has committed, and the process's RSS adds the runtime's own memory
/// (code, JIT, native libraries). The proxy keeps no keys in memory, so no figure grows with the dataset.
/// </summary>
internal sealed record ProcessMemory(long Allocated, long Peak, long Startup, long Active, long Resident, long Rss)
{
    public static ProcessMemory Sample(InfoReport info, long startup)
    {
        var (used, peak) = info.SampleMemory();
        var gc = GC.GetGCMemoryInfo();
        long active = used + gc.FragmentedBytes;
        return new ProcessMemory(used, peak, startup, active, Math.Max(active, gc.TotalCommittedBytes), Environment.WorkingSet);
    }

    /// <summary>What grew since startup, at least 1 (Redis's net_usage, which bytes per key and percentages divide by).</summary>
    public long NetUsage => Allocated > Startup ? Allocated - Startup : 1;
}
