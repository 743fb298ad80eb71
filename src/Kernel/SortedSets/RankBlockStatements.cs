using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// The statements of <see cref="RankBlocks"/> over zset_blocks. A position is the order index's tuple (score_inf, score,
/// member_prefix, member_hash); comparisons of positions are spelled out as nested OR/AND, because MariaDB turns those
/// into index ranges and a row comparison such as <c>(a, b) &lt; (@a, @b)</c> into a scan of the whole key.
/// </summary>
public static class RankBlockStatements
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Statement> SetSizesByShape = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Statement> BlocksAtByShape = new();
    private const string Order = "score_inf, score, member_prefix, member_hash";
    private const string BlockOrderDescending = "start_inf DESC, start_score DESC, start_prefix DESC, start_hash DESC";
    private static readonly string[] MemberPosition = ["score_inf", "score", "member_prefix", "member_hash"];
    private static readonly string[] BlockStart = ["start_inf", "start_score", "start_prefix", "start_hash"];
    private static readonly string[] Start = ["@b_inf", "@b_score", "@b_prefix", "@b_hash"];
    private static readonly string[] NextStart = ["@n_inf", "@n_score", "@n_prefix", "@n_hash"];
    private static readonly string[] Position = ["@inf", "@score", "@prefix", "@hash"];

    /// <summary>
    /// The block holding the members below (score, prefix) @t: the last one starting before it, and the sum of the sizes
    /// of the blocks before that one (params: key_id, t_inf, t_score, t_prefix, zero_hash).
    /// </summary>
    public static readonly Statement BlockBelow = SqlBuilder.From(ZSetTables.Blocks).Alias("z")
        .Select("z.start_inf", "z.start_score", "z.start_prefix", "z.start_hash",
            "(SELECT COALESCE(SUM(p.size), 0) FROM zset_blocks p WHERE p.tenant = @tenant AND p.key_id = z.key_id AND " +
            Compare(["p.start_inf", "p.start_score", "p.start_prefix", "p.start_hash"], "<",
                ["z.start_inf", "z.start_score", "z.start_prefix", "z.start_hash"]) + ")")
        .Where("z.key_id", "=", "@key_id")
        .WhereRaw(Compare(["z.start_inf", "z.start_score", "z.start_prefix", "z.start_hash"], "<=", ["@t_inf", "@t_score", "@t_prefix", "@zero_hash"]))
        .OrderBy("z.start_inf DESC", "z.start_score DESC", "z.start_prefix DESC", "z.start_hash DESC").Limit("1")
        .Build("zset_blocks.block_below");

    /// <summary>
    /// Two counts: the members from a block's start @b up to, not including, (score, prefix) @t; and those at exactly
    /// @t whose bytes sort below @member (params: key_id, t_inf, t_score, t_prefix, member, b_*).
    /// </summary>
    public static readonly Statement CountFromBlock = SqlBuilder.From(ZSetTables.MembersByOrder)
        .Select("COUNT(*)",
            "(SELECT COUNT(*) FROM zset_members g WHERE g.tenant = @tenant AND g.key_id = @key_id AND g.score_inf = @t_inf " +
            "AND g.score = @t_score AND g.member_prefix = @t_prefix AND g.member < @member)")
        .Where("key_id", "=", "@key_id")
        .WhereRaw(Compare(MemberPosition, ">=", Start))
        .WhereRaw(Compare(MemberPosition[..3], "<", ["@t_inf", "@t_score", "@t_prefix"]))
        .Build("zset_blocks.count_from_block");

    /// <summary>Adds @delta to the size of the block holding a position (params: delta, key_id, inf, score, prefix, hash).</summary>
    public static readonly Statement Adjust = SqlBuilder.Update(ZSetTables.Blocks).Set("size", "size + @delta")
        .Where("key_id", "=", "@key_id").WhereRaw(Compare(BlockStart, "<=", Position))
        .OrderBy(BlockOrderDescending).Limit("1").Build("zset_blocks.adjust");

    /// <summary>
    /// The block holding each of <paramref name="shape"/> positions, with its size, each found through the primary key
    /// (params: key_id, then inf{i}, score{i}, prefix{i}, hash{i} per position): start columns, then size.
    /// </summary>
    public static Statement BlocksAt(int shape) => BlocksAtByShape.GetOrAdd(shape, n =>
    {
        var parts = Enumerable.Range(0, n).Select(i => "(" + SqlBuilder.From(ZSetTables.Blocks).Select([.. BlockStart, "size"])
            .Where("key_id", "=", "@key_id").WhereRaw(Compare(BlockStart, "<=", [$"@inf{i}", $"@score{i}", $"@prefix{i}", $"@hash{i}"]))
            .OrderBy(BlockOrderDescending).Limit("1").Build("part").Sql + ")");
        return SqlBuilder.From(new SqlTable("(" + string.Join(" UNION ALL ", parts) + ")", TableScope.Tenant)).Alias("u")
            .Unscoped().Select("u.*").Build($"zset_blocks.blocks_at_{n}");
    });

    /// <summary>Every block of a key in order (params: key_id): start columns, then size.</summary>
    public static readonly Statement SelectAll = SqlBuilder.From(ZSetTables.Blocks).Select([.. BlockStart, "size"])
        .Where("key_id", "=", "@key_id").OrderBy(BlockStart).Build("zset_blocks.select_all");

    /// <summary>The position of the member @offset places after a block's start @b (params: key_id, b_*, offset).</summary>
    public static readonly Statement MemberAfter = SqlBuilder.From(ZSetTables.MembersByOrder).Select(MemberPosition)
        .Where("key_id", "=", "@key_id").WhereRaw(Compare(MemberPosition, ">=", Start))
        .OrderBy(Order).Limit("@offset, 1").Build("zset_blocks.member_after");

    /// <summary>Adds a block (params: key_id, inf, score, prefix, hash, size).</summary>
    public static readonly Statement Insert = SqlBuilder.Insert(ZSetTables.Blocks).Value("key_id", "@key_id")
        .Value("start_inf", "@inf").Value("start_score", "@score").Value("start_prefix", "@prefix").Value("start_hash", "@hash")
        .Value("size", "@size").Build("zset_blocks.insert");

    /// <summary>Sets the sizes of <paramref name="shape"/> existing blocks at once (params: key_id, then inf, score, prefix, hash, size per row).</summary>
    public static Statement SetSizes(int shape) => SetSizesByShape.GetOrAdd(shape, n => SqlBuilder.Insert(ZSetTables.Blocks)
        .Value("key_id", "@key_id").Value("start_inf", "@inf[]").Value("start_score", "@score[]").Value("start_prefix", "@prefix[]")
        .Value("start_hash", "@hash[]").Value("size", "@size[]").Rows(n).OnDuplicateKeyUpdate("size = VALUES(size)")
        .Build($"zset_blocks.set_sizes_{n}"));

    /// <summary>Removes one block (params: key_id, b_*).</summary>
    public static readonly Statement DeleteBlock = SqlBuilder.Delete(ZSetTables.Blocks)
        .Where("key_id", "=", "@key_id").Where("start_inf", "=", "@b_inf").Where("start_score", "=", "@b_score")
        .Where("start_prefix", "=", "@b_prefix").Where("start_hash", "=", "@b_hash").Build("zset_blocks.delete_block");

    /// <summary>Sets a block's size (params: size, key_id, b_*).</summary>
    public static readonly Statement Resize = SqlBuilder.Update(ZSetTables.Blocks).Set("size", "@size")
        .Where("key_id", "=", "@key_id").Where("start_inf", "=", "@b_inf").Where("start_score", "=", "@b_score")
        .Where("start_prefix", "=", "@b_prefix").Where("start_hash", "=", "@b_hash").Build("zset_blocks.resize");

    /// <summary>Sets a block's size to the members from its start @b up to the next block's @n (params: key_id, b_*, n_*).</summary>
    public static readonly Statement Recount = RecountStatement(last: false);

    /// <summary>As <see cref="Recount"/> for the last block, which reaches to the end (params: key_id, b_*).</summary>
    public static readonly Statement RecountLast = RecountStatement(last: true);

    /// <summary>Removes the emptied blocks but the first, which starts below every member (params: key_id).</summary>
    public static readonly Statement DeleteEmpty = SqlBuilder.Delete(ZSetTables.Blocks).Where("key_id", "=", "@key_id")
        .Where("size", "=", "0").Where("start_inf", ">", "-2").Build("zset_blocks.delete_empty");

    /// <summary>Removes every block of a key (params: key_id).</summary>
    public static readonly Statement DeleteAll = SqlBuilder.Delete(ZSetTables.Blocks).Where("key_id", "=", "@key_id")
        .Build("zset_blocks.delete_all");

    /// <summary>One row when the key has blocks (params: key_id).</summary>
    public static readonly Statement SelectFirst = SqlBuilder.From(ZSetTables.Blocks).Select("size")
        .Where("key_id", "=", "@key_id").Where("start_inf", "=", "-2").Build("zset_blocks.select_first");

    /// <summary>
    /// Cuts a key's members into blocks of @block in one pass (params: key_id, zero_hash, block): every @block-th member
    /// in order starts one, the first block starting below every member. ROW_NUMBER() needs MariaDB 10.2 or MySQL 8.0.
    /// </summary>
    public static readonly Statement Build = SqlBuilder.Insert(ZSetTables.Blocks)
        .Value("key_id", "@key_id")
        .Value("start_inf", "IF(x.rn = 1, -2, x.score_inf)").Value("start_score", "IF(x.rn = 1, 0, x.score)")
        .Value("start_prefix", "IF(x.rn = 1, '', x.member_prefix)").Value("start_hash", "IF(x.rn = 1, @zero_hash, x.member_hash)")
        .Value("size", "LEAST(@block, x.total - x.rn + 1)")
        .FromSelect(SqlBuilder.From(new SqlTable(
                $"(SELECT {Order}, ROW_NUMBER() OVER (ORDER BY {Order}) AS rn, COUNT(*) OVER () AS total " +
                "FROM zset_members WHERE tenant = @tenant AND key_id = @key_id)", TableScope.Tenant)).Alias("x")
            .Unscoped().WhereRaw("MOD(x.rn - 1, @block) = 0"))
        .Build("zset_blocks.build");

    private static Statement RecountStatement(bool last)
    {
        var count = "SELECT COUNT(*) FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND " +
                    Compare(MemberPosition, ">=", Start) + (last ? "" : " AND " + Compare(MemberPosition, "<", NextStart));
        return SqlBuilder.Update(ZSetTables.Blocks).Set("size", $"({count})")
            .Where("key_id", "=", "@key_id").Where("start_inf", "=", "@b_inf").Where("start_score", "=", "@b_score")
            .Where("start_prefix", "=", "@b_prefix").Where("start_hash", "=", "@b_hash")
            .Build(last ? "zset_blocks.recount_last" : "zset_blocks.recount");
    }

    /// <summary>
    /// <c>(columns) op (values)</c> in lexicographic order, spelled out: the first column strictly, or equal and the rest
    /// compared the same way; the last column takes <paramref name="op"/> itself (&lt;, &lt;=, &gt; or &gt;=).
    /// </summary>
    private static string Compare(IReadOnlyList<string> columns, string op, IReadOnlyList<string> values)
    {
        string strict = op[..1];
        string text = $"{columns[^1]} {op} {values[^1]}";
        for (int i = columns.Count - 2; i >= 0; i--)
            text = $"{columns[i]} {strict} {values[i]} OR ({columns[i]} = {values[i]} AND ({text}))";
        return "(" + text + ")";
    }
}
