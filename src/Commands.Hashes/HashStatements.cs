using System.Collections.Concurrent;
using RedisOnMySql.Kernel.Sql;
using RedisOnMySql.Kernel.Storage;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// Every statement of the hashes family. Fields live in hash_fields under the key's keyspace id; point reads look
/// the key up and read its field in one statement (type first, so the caller can answer WRONGTYPE).
/// </summary>
internal static class HashStatements
{
    public static readonly SqlTable Fields = new("hash_fields", TableScope.Tenant);

    /// <summary>Where every hash's fields live; COPY duplicates the listed columns in seq order.</summary>
    public static readonly ChildTable FieldTable = new(Fields, KeyType.Hash, ["field_hash", "field", "value"], CopyOrder: "seq");

    /// <summary>Each hash's field count, kept with every change of its fields so HLEN reads one row.</summary>
    public static readonly SizeTable Sizes = new("hash_sizes", KeyType.Hash);

    /// <summary>Reads by key id outside a key lock check in the same statement that the hash still exists.</summary>
    private static readonly string KeyAlive = FieldTable.KeyAlive("@key_id");

    private static readonly ConcurrentDictionary<int, Statement> SelectValuesByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> SelectExistingByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> DeleteFieldsByShape = new();
    private static readonly ConcurrentDictionary<int, Statement> UpsertFieldsByShape = new();

    /// <summary>Type of the visible key and the value of one field, NULL when absent (params: field_hash, k, now).</summary>
    public static readonly Statement SelectKeyFieldValue = KeyWith(
        "(SELECT f.value FROM hash_fields f WHERE f.tenant = @tenant AND f.key_id = keyspace.id AND f.field_hash = @field_hash)",
        "hashes.select_key_field_value");

    /// <summary>Type of the visible key and the length of one field's value, NULL when absent (params: field_hash, k, now).</summary>
    public static readonly Statement SelectKeyFieldLength = KeyWith(
        "(SELECT LENGTH(f.value) FROM hash_fields f WHERE f.tenant = @tenant AND f.key_id = keyspace.id AND f.field_hash = @field_hash)",
        "hashes.select_key_field_length");

    /// <summary>Type of the visible key and whether one field exists (params: field_hash, k, now).</summary>
    public static readonly Statement SelectKeyFieldExists = KeyWith(
        "EXISTS (SELECT 1 FROM hash_fields f WHERE f.tenant = @tenant AND f.key_id = keyspace.id AND f.field_hash = @field_hash)",
        "hashes.select_key_field_exists");

    /// <summary>Every field and value of a hash in insertion order (params: key_id).</summary>
    public static readonly Statement SelectAll = SqlBuilder.From(Fields).Select("field", "value")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).OrderBy("seq").Build("hashes.select_all");

    /// <summary>Every field of a hash in insertion order (params: key_id).</summary>
    public static readonly Statement SelectFieldNames = SqlBuilder.From(Fields).Select("field")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).OrderBy("seq").Build("hashes.select_field_names");

    /// <summary>Every value of a hash in insertion order (params: key_id).</summary>
    public static readonly Statement SelectFieldValues = SqlBuilder.From(Fields).Select("value")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).OrderBy("seq").Build("hashes.select_field_values");

    /// <summary>One field's value, under the caller's key lock (params: key_id, field_hash).</summary>
    public static readonly Statement SelectValue = SqlBuilder.From(Fields).Select("value")
        .Where("key_id", "=", "@key_id").Where("field_hash", "=", "@field_hash").Build("hashes.select_value");

    /// <summary>Adds a field the caller found absent (params: key_id, field_hash, field, value).</summary>
    public static readonly Statement InsertField = SqlBuilder.Insert(Fields)
        .Value("key_id", "@key_id").Value("field_hash", "@field_hash").Value("field", "@field").Value("value", "@value")
        .Build("hashes.insert_field");

    /// <summary>Sets one field's value, adding the field when absent (params: key_id, field_hash, field, value).</summary>
    public static readonly Statement UpsertField = SqlBuilder.Insert(Fields)
        .Value("key_id", "@key_id").Value("field_hash", "@field_hash").Value("field", "@field").Value("value", "@value")
        .OnDuplicateKeyUpdate("value = @value").Build("hashes.upsert_field");

    /// <summary>A page of fields after the cursor, the seq of each being the next cursor (params: key_id, cursor, count).</summary>
    public static readonly Statement ScanFields = SqlBuilder.From(Fields).Select("seq", "field", "value")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).Where("seq", ">", "@cursor").OrderBy("seq").Limit("@count")
        .Build("hashes.scan_fields");

    /// <summary>Up to @count distinct fields in random order (params: key_id, count).</summary>
    public static readonly Statement SelectRandomFields = SqlBuilder.From(Fields).Select("field", "value")
        .Where("key_id", "=", "@key_id").WhereRaw(KeyAlive).OrderBy("RAND()").Limit("@count").Build("hashes.select_random_fields");

    /// <summary>Hash and value of the named fields that exist (params: key_id, h0..).</summary>
    public static Statement SelectValues(int shape) => SelectValuesByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(Fields).Select("field_hash", "value").Where("key_id", "=", "@key_id").WhereRaw(KeyAlive)
            .WhereIn("field_hash", "@h", n).Build($"hashes.select_values_{n}"));

    /// <summary>The hashes of the named fields that exist, for a writer holding the key's lock (params: key_id, h0..).</summary>
    public static Statement SelectExisting(int shape) => SelectExistingByShape.GetOrAdd(shape, n =>
        SqlBuilder.From(Fields).Select("field_hash").Where("key_id", "=", "@key_id")
            .WhereIn("field_hash", "@h", n).Build($"hashes.select_existing_{n}"));

    /// <summary>Deletes the named fields (params: key_id, h0..); the found row count is the number deleted.</summary>
    public static Statement DeleteFields(int shape) => DeleteFieldsByShape.GetOrAdd(shape, n =>
        SqlBuilder.Delete(Fields).Where("key_id", "=", "@key_id")
            .WhereIn("field_hash", "@h", n).Build($"hashes.delete_fields_{n}"));

    /// <summary>Sets many fields in one statement (params: key_id, then h, f, v per row).</summary>
    public static Statement UpsertFields(int shape) => UpsertFieldsByShape.GetOrAdd(shape, n =>
        SqlBuilder.Insert(Fields)
            .Value("key_id", "@key_id").Value("field_hash", "@h[]").Value("field", "@f[]").Value("value", "@v[]").Rows(n)
            .OnDuplicateKeyUpdate("value = VALUES(value)")
            .Build($"hashes.upsert_fields_{n}"));

    /// <summary>A point read of the visible key: its type, then <paramref name="column"/> over its fields.</summary>
    private static Statement KeyWith(string column, string name) =>
        SqlBuilder.From(SqlTable.Keyspace).Select("type", column).Where("k", "=", "@k").WhereLive().Build(name);
}
