using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// The sorted-set storage statements every family with zset keys uses (Sorted Sets, Geo). Ordered reads follow the
/// index zset_members_order and add member_hash, which InnoDB keeps at the end of that index, so ranges come in one
/// stable order without a sort: (score_inf, score, member_prefix, member_hash). Reads by key id outside a lock check in
/// the same statement that the key is still a sorted set, so they see it whole or not at all.
/// </summary>
public static class ZSetStatements
{
    private const string Ascending = "score_inf, score, member_prefix, member_hash";
    private const string Descending = "score_inf DESC, score DESC, member_prefix DESC, member_hash DESC";

    /// <summary>The size row joined to a keyspace row aliased k.</summary>
    private const string JoinSize = "LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id";

    private static readonly string KeyAlive = ZSetTables.MemberTable.KeyAlive("@key_id");

    /// <summary>Filters of <see cref="ZSetQuery.Values"/>, each bound inclusive; the lex ones narrow by prefix (indexed) then by the whole member.</summary>
    private static readonly Dictionary<ZSetQueryKind, string> Filters = new()
    {
        [ZSetQueryKind.All] = "",
        [ZSetQueryKind.Score] = "(score_inf > @min_inf OR (score_inf = @min_inf AND score >= @min)) AND " +
                                "(score_inf < @max_inf OR (score_inf = @max_inf AND score <= @max))",
        [ZSetQueryKind.Lex] = LexFilter,
        [ZSetQueryKind.LexAtScore] = "score_inf = @at_inf AND score = @at_score AND " + LexFilter,
    };

    private const string LexFilter =
        "member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND " +
        "member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max))";

    /// <summary>The first and the last score of a key (subqueries over keyspace aliased k), to tell whether all are equal.</summary>
    private static readonly string[] EndScores =
    [
        EndScore("score_inf", Ascending), EndScore("score", Ascending), EndScore("score_inf", Descending), EndScore("score", Descending),
    ];

    private static readonly ConcurrentDictionary<int, Statement> LockByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SelectSizesByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SelectScoresByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> UpsertByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> DeleteByShape = new();
    private static readonly ConcurrentDictionary<(ZSetQueryKind, bool, bool), Statement> WindowByQuery = new();
    private static readonly ConcurrentDictionary<ZSetQueryKind, Statement> CountByQuery = new();
    private static readonly ConcurrentDictionary<ZSetQueryKind, Statement> DeleteByQuery = new();
    private static readonly ConcurrentDictionary<int, Statement> InScoreRangesByShape = new();

    /// <summary>Type, id and size of the visible key (params: k, now).</summary>
    public static readonly Statement SelectKey = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select("k.type", "k.id", "s.size").Join(JoinSize).WhereRaw("k.k = @k").WhereLive().Build("zsets.select_key");

    /// <summary>
    /// <see cref="SelectKey"/> plus the score columns of the first and of the last member, so a lex range can tell that
    /// every member has one score and read the index by it (params: k, now).
    /// </summary>
    public static readonly Statement SelectKeyWithEnds = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select(["k.type", "k.id", "s.size", .. EndScores]).Join(JoinSize).WhereRaw("k.k = @k").WhereLive()
        .Build("zsets.select_key_with_ends");

    /// <summary>The score columns of the first and last member of a locked key (params: key_id).</summary>
    public static readonly Statement SelectEnds = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select(EndScores).WhereRaw("k.id = @key_id").Build("zsets.select_ends");

    /// <summary>
    /// Type, id and size of the visible key and the member's score columns, NULL when it is no member (params:
    /// member_hash, k, now).
    /// </summary>
    public static readonly Statement SelectScore = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
        .Select("k.type", "k.id", "s.size", "m.score_inf", "m.score").Join(JoinSize)
        .Join("LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash = @member_hash")
        .WhereRaw("k.k = @k").WhereLive().Build("zsets.select_score");

    /// <summary>
    /// Key, type and size of the visible keys among <paramref name="shape"/> keys (params: k0.., now): ZCARD of many
    /// clients in one statement.
    /// </summary>
    public static Statement SelectSizes(int shape) => SelectSizesByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(SqlTable.Keyspace).Alias("k").Select("k.k", "k.type", "s.size").Join(JoinSize)
            .WhereIn("k.k", "@k", n).WhereLive().Build($"zsets.select_sizes_{n}"));

    /// <summary>
    /// Locks the key's row, live, expired or missing, and reads its size and the score columns of up to
    /// <paramref name="shape"/> members in the same round trip (params: h0..h(shape-1), k): columns of
    /// <see cref="KeyspaceRow"/>, size, then member_hash, score_inf, score, one row per member found (NULLs when none).
    /// </summary>
    public static Statement Lock(int shape) => LockByShape.GetOrAdd(shape, n =>
    {
        var builder = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
            .Select("k.id", "k.type", "k.expires_at", "NULL", "s.size",
                n == 0 ? "NULL" : "m.member_hash", n == 0 ? "NULL" : "m.score_inf", n == 0 ? "NULL" : "m.score")
            .Join(JoinSize);
        if (n > 0)
        {
            var hashes = string.Join(", ", Enumerable.Range(0, n).Select(i => $"@h{i}"));
            builder.Join($"LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash IN ({hashes})");
        }
        return builder.WhereRaw("k.k = @k").ForUpdate().Build($"zsets.lock_{n}");
    });

    /// <summary>The score columns of the members among <paramref name="shape"/> hashes (params: key_id, h0..).</summary>
    public static Statement SelectScores(int shape) => SelectScoresByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(ZSetTables.Members).Select("member_hash", "score_inf", "score")
            .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).WhereIn("member_hash", "@h", n).Build($"zsets.select_scores_{n}"));

    /// <summary>
    /// Adds or re-scores <paramref name="shape"/> members (params: key_id, then member_hash, member, member_prefix,
    /// score_inf, score per row). Spare slots of a shape repeat a row, which writes it again to the same effect.
    /// </summary>
    public static Statement Upsert(int shape) => UpsertByShape.GetOrAdd(shape, n =>
        SqlBuilder.Insert(ZSetTables.Members).Value("key_id", "@key_id").Value("member_hash", "@member_hash[]")
            .Value("member", "@member[]").Value("member_prefix", "@member_prefix[]").Value("score_inf", "@score_inf[]")
            .Value("score", "@score[]").Rows(n)
            .OnDuplicateKeyUpdate("score_inf = VALUES(score_inf)", "score = VALUES(score)").Build($"zsets.upsert_{n}"));

    /// <summary>Removes the members among <paramref name="shape"/> hashes (params: key_id, h0..).</summary>
    public static Statement Delete(int shape) => DeleteByShape.GetOrAdd(shape, n =>
        SqlBuilder.Delete(ZSetTables.Members).Where("key_id", "=", "@key_id").WhereIn("member_hash", "@h", n)
            .Build($"zsets.delete_{n}"));

    /// <summary>
    /// Up to @count members from @offset on, in index order or its reverse (params: key_id, the query's values, offset,
    /// count); columns as <see cref="ZEntry.Read"/>. Members that tie on score and prefix come by hash: see
    /// <see cref="ZSetReader"/>. For a large offset (<paramref name="deep"/>) a rank or score window first walks the
    /// order index alone to the hashes it needs and only then reads their rows: MariaDB otherwise reads the full row of
    /// every member it skips (measured on 1,000,000 members: 10 s instead of 0.45 s to start at the middle), while for
    /// a small offset that detour costs more than it saves (about 0.5 ms).
    /// </summary>
    public static Statement Window(ZSetQueryKind kind, bool reverse, bool deep = false) => WindowByQuery.GetOrAdd((kind, reverse, deep), key =>
    {
        var (queryKind, order) = (key.Item1, key.Item2 ? Descending : Ascending);
        var name = $"zsets.window_{Name(queryKind)}{(key.Item2 ? "_rev" : "")}{(key.Item3 ? "_deep" : "")}";
        if (!key.Item3)
            return Filtered(SqlBuilder.From(Source(queryKind)).Select("member_hash", "member", "score_inf", "score"), queryKind)
                .OrderBy(order).Limit("@offset, @count").Build(name);
        if (queryKind is not (ZSetQueryKind.All or ZSetQueryKind.Score))
            throw new ArgumentException("only rank and score windows read the order index alone", nameof(deep));
        var window = Filtered(SqlBuilder.From(ZSetTables.MembersByOrder).Select("tenant", "member_hash"), queryKind)
            .OrderBy(order).Limit("@offset, @count").Build(name);
        // The window first (STRAIGHT_JOIN): ordering by the joined rows' columns would have MariaDB walk those instead.
        return SqlBuilder.From(new SqlTable($"({window.Sql})", TableScope.Tenant)).Alias("w")
            .Select("m.member_hash", "m.member", "m.score_inf", "m.score")
            .Join("STRAIGHT_JOIN zset_members m ON m.tenant = w.tenant AND m.key_id = @key_id AND m.member_hash = w.member_hash")
            .OrderBy(string.Join(", ", order.Split(", ").Select(column => "m." + column))).Build(name);
    });

    /// <summary>
    /// The members whose score lies in any of <paramref name="shape"/> score ranges, in no set order (params: key_id, then
    /// each range's <see cref="ZSetQuery.ByScore"/> values with the range's number appended to their names); columns as
    /// <see cref="ZEntry.Read"/>. MariaDB reads each range of the order index and no other entry, so several ranges
    /// cost one round trip (Geo reads the cells around a point this way).
    /// </summary>
    public static Statement InScoreRanges(int shape) => InScoreRangesByShape.GetOrAdd(shape, n =>
    {
        var anyRange = string.Join(" OR ", Enumerable.Range(0, n)
            .Select(i => "(" + Regex.Replace(Filters[ZSetQueryKind.Score], @"@\w+", name => name.Value + i) + ")"));
        return Filtered(SqlBuilder.From(ZSetTables.MembersByOrder).Select("member_hash", "member", "score_inf", "score"), ZSetQueryKind.All)
            .WhereRaw(anyRange).Build($"zsets.in_score_ranges_{n}");
    });

    /// <summary>Members the query selects (params: key_id, the query's values).</summary>
    public static Statement Count(ZSetQueryKind kind) => CountByQuery.GetOrAdd(kind, k =>
        Filtered(SqlBuilder.From(Source(k)).Select("COUNT(*)"), k).Build($"zsets.count_{Name(k)}"));

    /// <summary>Removes the members the query selects from a locked key (params: key_id, the query's values).</summary>
    public static Statement DeleteSelected(ZSetQueryKind kind) => DeleteByQuery.GetOrAdd(kind, k =>
    {
        var delete = SqlBuilder.Delete(ZSetTables.Members).Where("key_id", "=", "@key_id");
        if (Filters[k].Length > 0) delete.WhereRaw(Filters[k]);
        return delete.Build($"zsets.delete_{Name(k)}");
    });

    /// <summary>
    /// Every member with one score and one prefix, by hash or its reverse (params: key_id, inf, score, prefix): a group
    /// whose order the index cannot tell, for the proxy to order by the members' bytes.
    /// </summary>
    public static readonly Statement Group = GroupIn(reverse: false);
    public static readonly Statement GroupReversed = GroupIn(reverse: true);

    /// <summary>
    /// How many members come before a member in Redis's order (its rank), in two columns: the index-only count of lower
    /// (score, prefix), stopping at @cap, and those of its own score and prefix with lower bytes (params: key_id, inf,
    /// score, prefix, member, cap).
    /// </summary>
    public static readonly Statement CountBefore = Ranked("<", "zsets.count_before");

    /// <summary>How many members come after a member (its rank from the end); as <see cref="CountBefore"/>.</summary>
    public static readonly Statement CountAfter = Ranked(">", "zsets.count_after");

    /// <summary>Up to @count distinct members in random order (params: key_id, count); columns as <see cref="ZEntry.Read"/>.</summary>
    public static readonly Statement SelectRandom = SqlBuilder.From(ZSetTables.Members).Select("member_hash", "member", "score_inf", "score")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).OrderBy("RAND()").Limit("@count").Build("zsets.select_random");

    /// <summary>
    /// A scan page: up to @count members from hash @from on, in hash order (params: key_id, from, count); columns as
    /// <see cref="ZEntry.Read"/>.
    /// </summary>
    public static readonly Statement ScanPage = SqlBuilder.From(ZSetTables.Members).Select("member_hash", "member", "score_inf", "score")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).Where("member_hash", ">=", "@from").OrderBy("member_hash")
        .Limit("@count").Build("zsets.scan_page");

    private static Statement GroupIn(bool reverse) => SqlBuilder.From(ZSetTables.Members)
        .Select("member_hash", "member", "score_inf", "score").Where("key_id", "=", "@key_id").WhereRaw(KeyAlive)
        .Where("score_inf", "=", "@inf").Where("score", "=", "@score").Where("member_prefix", "=", "@prefix")
        .OrderBy(reverse ? "member_hash DESC" : "member_hash").Build(reverse ? "zsets.group_rev" : "zsets.group");

    private static Statement Ranked(string op, string name)
    {
        var outside = SqlBuilder.From(ZSetTables.MembersByOrder).Select("tenant").Where("key_id", "=", "@key_id").WhereRaw(KeyAlive)
            .WhereRaw($"score_inf {op} @inf OR (score_inf = @inf AND score {op} @score) " +
                      $"OR (score_inf = @inf AND score = @score AND member_prefix {op} @prefix)")
            .Limit("@cap").Build(name);
        return SqlBuilder.From(new SqlTable($"({outside.Sql})", TableScope.Tenant)).Alias("x")
            .Select("COUNT(*)", "(SELECT COUNT(*) FROM zset_members g WHERE g.tenant = @tenant AND g.key_id = @key_id " +
                                $"AND g.score_inf = @inf AND g.score = @score AND g.member_prefix = @prefix AND g.member {op} @member)")
            .Build(name);
    }

    /// <summary>
    /// The order index for queries that are a range of it; a lex range over several scores is not, and filters every
    /// member's row whichever way it reads.
    /// </summary>
    private static SqlTable Source(ZSetQueryKind kind) => kind == ZSetQueryKind.Lex ? ZSetTables.Members : ZSetTables.MembersByOrder;

    private static SqlBuilder Filtered(SqlBuilder select, ZSetQueryKind kind)
    {
        select.Where("key_id", "=", "@key_id").WhereRaw(KeyAlive);
        return Filters[kind].Length > 0 ? select.WhereRaw(Filters[kind]) : select;
    }

    private static string EndScore(string column, string order) =>
        $"(SELECT e.{column} FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY " +
        string.Join(", ", order.Split(", ").Select(c => "e." + c)) + " LIMIT 1)";

    private static string Name(ZSetQueryKind kind) => kind switch
    {
        ZSetQueryKind.All => "all",
        ZSetQueryKind.Score => "score",
        ZSetQueryKind.Lex => "lex",
        _ => "lex_at_score",
    };
}
