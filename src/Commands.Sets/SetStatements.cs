using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Sets;

/// <summary>Statements of the sets family over set_members and the keyspace (set algebra: <see cref="SetAlgebraStatements"/>).</summary>
internal static class SetStatements
{
    public static readonly SqlTable Members = new("set_members", TableScope.Tenant);

    /// <summary>Most members one statement carries; longer argument lists are sent in chunks of this size.</summary>
    public const int MaxMembers = 256;

    /// <summary>
    /// What the kernel copies for COPY and collects after DEL, expiry and overwrite; its member columns let the sorted
    /// sets' algebra read sets as inputs.
    /// </summary>
    public static readonly ChildTable Children = new(Members, KeyType.Set, ["member_hash", "member"], CopyOrder: "seq")
    {
        Members = new MemberColumns("member_hash", "member"),
    };

    /// <summary>Each set's member count, kept with every change of its members so SCARD reads one row.</summary>
    public static readonly SizeTable Sizes = new("set_sizes", KeyType.Set);

    /// <summary>Reads by key id outside a key lock check in the same statement that the set still exists.</summary>
    private static readonly string KeyAlive = Children.KeyAlive("@key_id");

    private static readonly ConcurrentDictionary<int, Statement> InsertMembersByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> DeleteMembersByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SelectPresentByShape = new();

    /// <summary>Type of a visible key and whether it holds the member, in one round trip (params: member_hash, k, now).</summary>
    public static readonly Statement IsMember = SqlBuilder.From(SqlTable.Keyspace)
        .Select("type", "EXISTS (SELECT 1 FROM set_members m WHERE m.tenant = @tenant AND m.key_id = keyspace.id AND m.member_hash = @member_hash)")
        .Where("k", "=", "@k").WhereLive().Build("sets.is_member");

    /// <summary>Every member of a set (params: key_id).</summary>
    public static readonly Statement SelectMembers = SqlBuilder.From(Members).Select("member")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).Build("sets.select_members");

    /// <summary>Up to @count distinct members in random order (params: key_id, count).</summary>
    public static readonly Statement SelectRandom = SqlBuilder.From(Members).Select("member_hash", "member")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).OrderBy("RAND()").Limit("@count").Build("sets.select_random");

    /// <summary>The next SSCAN page: members after the cursor in seq order (params: key_id, cursor, count).</summary>
    public static readonly Statement ScanPage = SqlBuilder.From(Members).Select("seq", "member")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).Where("seq", ">", "@cursor").OrderBy("seq").Limit("@count")
        .Build("sets.scan_page");

    /// <summary>One row when the set holds the member (params: key_id, member_hash).</summary>
    public static readonly Statement ContainsMember = SqlBuilder.From(Members).Select("1")
        .Where("key_id", "=", "@key_id").Where("member_hash", "=", "@member_hash").Build("sets.contains_member");

    /// <summary>Adds one member unless present (params: key_id, member_hash, member); 1 row when it was new.</summary>
    public static readonly Statement InsertMember = SqlBuilder.Insert(Members).InsertIgnore()
        .Value("key_id", "@key_id").Value("member_hash", "@member_hash").Value("member", "@member")
        .Build("sets.insert_member");

    /// <summary>Removes one member (params: key_id, member_hash); 1 row when it was there.</summary>
    public static readonly Statement DeleteMember = SqlBuilder.Delete(Members)
        .Where("key_id", "=", "@key_id").Where("member_hash", "=", "@member_hash").Build("sets.delete_member");

    /// <summary>
    /// Adds <paramref name="shape"/> members in one statement, skipping present ones (params: key_id, then
    /// member_hash and member per row); the affected row count is the number of new members.
    /// </summary>
    public static Statement InsertMembers(int shape) => InsertMembersByShape.GetOrAdd(shape, n =>
        SqlBuilder.Insert(Members).InsertIgnore()
            .Value("key_id", "@key_id").Value("member_hash", "@member_hash[]").Value("member", "@member[]").Rows(n)
            .Build($"sets.insert_members_{n}"));

    /// <summary>Removes up to <paramref name="shape"/> members (params: key_id, member_hash0..); affected rows = removed.</summary>
    public static Statement DeleteMembers(int shape) => DeleteMembersByShape.GetOrAdd(shape, n =>
        SqlBuilder.Delete(Members).Where("key_id", "=", "@key_id").WhereIn("member_hash", "@member_hash", n)
            .Build($"sets.delete_members_{n}"));

    /// <summary>Which of <paramref name="shape"/> member hashes the set holds (params: key_id, member_hash0..).</summary>
    public static Statement SelectPresent(int shape) => SelectPresentByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(Members).Select("member_hash").Where("key_id", "=", "@key_id").WhereRaw(KeyAlive)
            .WhereIn("member_hash", "@member_hash", n).Build($"sets.select_present_{n}"));
}
