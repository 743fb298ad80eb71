using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// The sorted-set tables (migrations/0005_zsets.sql). The kernel owns them, not a family, because Sorted Sets and Geo
/// both store their keys there; it also declares them to the collector and to COPY itself
/// (<see cref="ChildTableRegistry"/>), so they are collected and copied whichever of the two families is loaded.
/// </summary>
public static class ZSetTables
{
    public static readonly SqlTable Members = new("zset_members", TableScope.Tenant);
    /// <summary>Each sorted set's member count, written with every change of members so ZCARD reads one row.</summary>
    public static readonly SizeTable Sizes = new("zset_sizes", KeyType.ZSet);
    public static readonly SqlTable Blocks = new("zset_blocks", TableScope.Tenant);

    /// <summary>
    /// zset_members read through its order index. MariaDB estimates a range of a few hundred thousand members of one key
    /// as cheaper to read by primary key (every row of the key, in full) than by the covering order index: measured on
    /// 1,000,000 members, a count of half of them took 0.6 s that way and 0.35 s by the index.
    /// </summary>
    public static readonly SqlTable MembersByOrder = new("zset_members FORCE INDEX (zset_members_order)", TableScope.Tenant);

    /// <summary>Bytes of a member kept in member_prefix, the part the order index holds (the column's width).</summary>
    public const int PrefixBytes = 255;

    public static readonly ChildTable MemberTable = new(Members, KeyType.ZSet,
        ["member_hash", "member", "member_prefix", "score_inf", "score"]);

    public static readonly ChildTable BlockTable = new(Blocks, KeyType.ZSet, ["start_inf", "start_score", "start_prefix", "start_hash", "size"]);

    /// <summary>The three tables, as the kernel registers them.</summary>
    public static readonly IReadOnlyList<ChildTable> All = [MemberTable, Sizes.Children, BlockTable];
}
