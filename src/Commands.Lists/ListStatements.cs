using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// Every statement of the lists family. Elements live in list_items at contiguous positions head..tail, which
/// list_bounds keeps, under the list's keyspace id. Point reads look the key up and answer in one statement (type
/// first, so the caller can answer WRONGTYPE); reads by key id compute their positions from list_bounds in the same
/// statement, so they see one snapshot of the list.
/// </summary>
internal static class ListStatements
{
    public static readonly SqlTable Items = new("list_items", TableScope.Tenant);
    public static readonly SqlTable Bounds = new("list_bounds", TableScope.Tenant);

    /// <summary>Where every list's elements live; COPY duplicates them in position order.</summary>
    public static readonly ChildTable ItemTable = new(Items, KeyType.List, ["pos", "value"], CopyOrder: "pos");

    /// <summary>Each list's head and tail position; COPY duplicates them with the elements.</summary>
    public static readonly ChildTable BoundsTable = new(Bounds, KeyType.List, ["head", "tail"]);

    /// <summary>Reads by key id outside a key lock check in the same statement that the list still exists.</summary>
    private static readonly string KeyAlive = ItemTable.KeyAlive("@key_id");

    /// <summary>The list's bounds row, for subqueries of reads by key id.</summary>
    private const string BoundsOfKey = "FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id";

    private static readonly ConcurrentDictionary<int, Statement> InsertItemsByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> LockWithEndsByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> DeleteAtByShape = new();

    /// <summary>Type of the visible key and its length (params: k, now).</summary>
    public static readonly Statement SelectKeyLength = KeyWith(
        "(SELECT b.tail - b.head + 1 FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = keyspace.id)",
        "lists.select_key_length");

    /// <summary>
    /// Type of the visible key and the element at an index, NULL when out of range (params: index, k, now); a negative
    /// index counts from the tail. The caller bounds the index so the position arithmetic cannot overflow.
    /// </summary>
    public static readonly Statement SelectKeyIndex = KeyWith(
        "(SELECT i.value FROM list_bounds b JOIN list_items i ON i.tenant = b.tenant AND i.key_id = b.key_id " +
        "AND i.pos = IF(@index < 0, b.tail + 1 + @index, b.head + @index) " +
        "WHERE b.tenant = @tenant AND b.key_id = keyspace.id AND i.pos BETWEEN b.head AND b.tail)",
        "lists.select_key_index");

    /// <summary>
    /// The elements from index @start to @stop with Redis's LRANGE rules (negative counts from the tail, clamped to the
    /// list), in order (params: key_id, start, stop). The caller bounds start and stop against overflow.
    /// </summary>
    public static readonly Statement SelectRange = SqlBuilder.From(Items).Select("value")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive)
        .WhereRaw("pos BETWEEN " +
                  $"(SELECT b.head + GREATEST(IF(@start < 0, b.tail - b.head + 1 + @start, @start), 0) {BoundsOfKey}) AND " +
                  $"(SELECT b.head + LEAST(IF(@stop < 0, b.tail - b.head + 1 + @stop, @stop), b.tail - b.head) {BoundsOfKey})")
        .OrderBy("pos").Build("lists.select_range");

    /// <summary>
    /// LPOS from the head: indexes of the matches within the first @maxlen elements (0 = all), skipping @skip matches
    /// and returning at most @take (params: key_id, element, maxlen, skip, take).
    /// </summary>
    public static readonly Statement SelectMatchesFromHead = SqlBuilder.From(Items).Select($"pos - (SELECT b.head {BoundsOfKey})")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).Where("value", "=", "@element")
        .WhereRaw($"pos <= (SELECT IF(@maxlen = 0, b.tail, LEAST(b.tail, b.head + @maxlen - 1)) {BoundsOfKey})")
        .OrderBy("pos").Limit("@skip, @take").Build("lists.select_matches_from_head");

    /// <summary>LPOS from the tail: as <see cref="SelectMatchesFromHead"/> over the last @maxlen elements, last match first.</summary>
    public static readonly Statement SelectMatchesFromTail = SqlBuilder.From(Items).Select($"pos - (SELECT b.head {BoundsOfKey})")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).Where("value", "=", "@element")
        .WhereRaw($"pos >= (SELECT IF(@maxlen = 0, b.head, GREATEST(b.head, b.tail - @maxlen + 1)) {BoundsOfKey})")
        .OrderBy("pos DESC").Limit("@skip, @take").Build("lists.select_matches_from_tail");

    /// <summary>
    /// Locks the key's row, live, expired or missing, and reads a list's bounds in the same round trip: columns of
    /// <see cref="KeyspaceRow"/> (without the string value, which a list never has), then head and tail (params: k).
    /// </summary>
    public static readonly Statement LockWithBounds = LockWithEnds(0);

    /// <summary>
    /// <see cref="LockWithBounds"/> that also reads the elements at <paramref name="shape"/> indexes, a negative index
    /// counting from the tail as in LINDEX (params: i0..i(shape-1), then k): one row per element found, with its
    /// position and value after the bounds (NULLs in the one row of a list without those elements, or of another type).
    /// A pop learns its elements in the round trip that locks the key. The key and its bounds are read first, by
    /// primary key, so the elements are point reads by position, never a range scan: a range ending at the tail would
    /// walk every element that earlier pops deleted and purge has not yet removed. A join, not a subquery per element:
    /// 32 elements cost 0.13 ms instead of 0.5 ms on MariaDB 10.11.
    /// </summary>
    public static Statement LockWithEnds(int shape) => LockWithEndsByShape.GetOrAdd(shape, n =>
    {
        var builder = SqlBuilder.From(SqlTable.Keyspace).Alias("k")
            .Select("k.id", "k.type", "k.expires_at", "NULL", "b.head", "b.tail", n == 0 ? "NULL" : "i.pos", n == 0 ? "NULL" : "i.value")
            .Join("LEFT JOIN list_bounds b ON b.tenant = k.tenant AND b.key_id = k.id");
        if (n > 0)
        {
            var positions = Enumerable.Range(0, n).Select(i => $"IF(@i{i} < 0, b.tail + 1 + @i{i}, b.head + @i{i})");
            builder.Join("LEFT JOIN list_items i ON i.tenant = k.tenant AND i.key_id = k.id AND i.pos BETWEEN b.head AND b.tail " +
                         $"AND i.pos IN ({string.Join(", ", positions)})");
        }
        return builder.WhereRaw("k.k = @k").ForUpdate().Build(n == 0 ? "lists.lock_with_bounds" : $"lists.lock_with_ends_{n}");
    });

    /// <summary>
    /// Writes the bounds of a list whose row exists (params: head, tail, key_id): a plain update by primary key, cheaper
    /// than the upsert's duplicate-key path, for every pop and every push to an existing list.
    /// </summary>
    public static readonly Statement UpdateBounds = SqlBuilder.Update(Bounds).Set("head", "@head").Set("tail", "@tail")
        .Where("key_id", "=", "@key_id").Build("lists.update_bounds");

    /// <summary>Writes a list's bounds, creating the row for a new list (params: key_id, head, tail).</summary>
    public static readonly Statement UpsertBounds = SqlBuilder.Insert(Bounds)
        .Value("key_id", "@key_id").Value("head", "@head").Value("tail", "@tail")
        .OnDuplicateKeyUpdate("head = @head", "tail = @tail").Build("lists.upsert_bounds");

    /// <summary>
    /// The elements at both ends of a list, in position order: @left_from..@left_to and @right_from..@right_to, either
    /// range empty when its from is above its to (params: key_id, left_from, left_to, right_from, right_to).
    /// </summary>
    public static readonly Statement SelectEnds = SqlBuilder.From(Items).Select("value")
        .Where("key_id", "=", "@key_id")
        .WhereRaw("pos BETWEEN @left_from AND @left_to OR pos BETWEEN @right_from AND @right_to")
        .OrderBy("pos").Build("lists.select_ends");

    /// <summary>
    /// Deletes the elements at <paramref name="shape"/> positions (params: key_id, p0..p(shape-1)): a pop's few elements
    /// by point, so a tail pop does not walk the unpurged elements that earlier tail pops deleted.
    /// </summary>
    public static Statement DeleteAt(int shape) => DeleteAtByShape.GetOrAdd(shape, n =>
        SqlBuilder.Delete(Items).Where("key_id", "=", "@key_id").WhereIn("pos", "@p", n).Build($"lists.delete_at_{n}"));

    /// <summary>Deletes the elements <see cref="SelectEnds"/> reads (same params).</summary>
    public static readonly Statement DeleteEnds = SqlBuilder.Delete(Items)
        .Where("key_id", "=", "@key_id")
        .WhereRaw("pos BETWEEN @left_from AND @left_to OR pos BETWEEN @right_from AND @right_to")
        .Build("lists.delete_ends");

    /// <summary>Deletes every element outside @from..@to (params: key_id, from, to).</summary>
    public static readonly Statement DeleteOutside = SqlBuilder.Delete(Items)
        .Where("key_id", "=", "@key_id").WhereRaw("pos < @from OR pos > @to").Build("lists.delete_outside");

    /// <summary>Replaces the element at a position (params: value, key_id, pos).</summary>
    public static readonly Statement UpdateItem = SqlBuilder.Update(Items).Set("value", "@value")
        .Where("key_id", "=", "@key_id").Where("pos", "=", "@pos").Build("lists.update_item");

    /// <summary>The position of the first element equal to @element, scanning from the head (params: key_id, element).</summary>
    public static readonly Statement SelectFirstMatch = SqlBuilder.From(Items).Select("pos")
        .Where("key_id", "=", "@key_id").Where("value", "=", "@element").OrderBy("pos").Limit("1")
        .Build("lists.select_first_match");

    /// <summary>Moves @from..@to one position towards the head, lowest first so no two rows collide (params: key_id, from, to).</summary>
    public static readonly Statement ShiftTowardsHead = SqlBuilder.Update(Items).Set("pos", "pos - 1")
        .Where("key_id", "=", "@key_id").WhereRaw("pos BETWEEN @from AND @to").OrderBy("pos")
        .Build("lists.shift_towards_head");

    /// <summary>Moves @from..@to one position towards the tail, highest first so no two rows collide (params: key_id, from, to).</summary>
    public static readonly Statement ShiftTowardsTail = SqlBuilder.Update(Items).Set("pos", "pos + 1")
        .Where("key_id", "=", "@key_id").WhereRaw("pos BETWEEN @from AND @to").OrderBy("pos DESC")
        .Build("lists.shift_towards_tail");

    /// <summary>Deletes up to @limit elements equal to @element, first ones first (params: key_id, element, limit).</summary>
    public static readonly Statement DeleteMatchesFromHead = SqlBuilder.Delete(Items)
        .Where("key_id", "=", "@key_id").Where("value", "=", "@element").OrderBy("pos").Limit("@limit")
        .Build("lists.delete_matches_from_head");

    /// <summary>Deletes up to @limit elements equal to @element, last ones first (params: key_id, element, limit).</summary>
    public static readonly Statement DeleteMatchesFromTail = SqlBuilder.Delete(Items)
        .Where("key_id", "=", "@key_id").Where("value", "=", "@element").OrderBy("pos DESC").Limit("@limit")
        .Build("lists.delete_matches_from_tail");

    /// <summary>
    /// Copies a list's elements, in order, to the contiguous positions @base+1, @base+2, ... (params: base, key_id):
    /// with @base at the old tail the copies collide with nothing, and deleting the old positions closes every gap.
    /// </summary>
    public static readonly Statement CopyRenumbered = SqlBuilder.Insert(Items)
        .Value("key_id", "key_id").Value("pos", "@base + ROW_NUMBER() OVER (ORDER BY pos)").Value("value", "value")
        .FromSelect(SqlBuilder.From(Items).Where("key_id", "=", "@key_id"))
        .Build("lists.copy_renumbered");

    /// <summary>
    /// Writes many elements in one statement (params: key_id, then pos and value per row). Spare slots of a shape repeat
    /// the chunk's last row, which the upsert writes twice to the same effect.
    /// </summary>
    public static Statement InsertItems(int shape) => InsertItemsByShape.GetOrAdd(shape, n =>
        SqlBuilder.Insert(Items).Value("key_id", "@key_id").Value("pos", "@pos[]").Value("value", "@value[]").Rows(n)
            .OnDuplicateKeyUpdate("value = VALUES(value)").Build($"lists.insert_items_{n}"));

    /// <summary>A point read of the visible key: its type, then <paramref name="column"/> over its list.</summary>
    private static Statement KeyWith(string column, string name) =>
        SqlBuilder.From(SqlTable.Keyspace).Select("type", column).Where("k", "=", "@k").WhereLive().Build(name);
}
