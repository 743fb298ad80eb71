using System.Security.Cryptography;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Sql;

namespace RedisOnMySql.Commands.Hashes;

/// <summary>
/// The distinct fields a command names, in first-seen order, each with the SHA-256 that hash_fields is keyed by (so
/// fields of any length stay distinct), and for writes the value each gets (a repeated field keeps its last value).
/// Statements over many fields come in a few cached shapes: chunks of at most <see cref="MaxPerStatement"/> fields,
/// rounded up to a power of two, the spare slots repeating the chunk's last field (harmless in IN lists and upserts).
/// </summary>
internal sealed class FieldList
{
    public const int MaxPerStatement = 512;

    private readonly List<byte[]> _fields = new();
    private readonly List<byte[]> _hashes = new();
    private readonly List<byte[]> _values = new();
    private readonly Dictionary<string, int> _indexByHash = new();

    public int Count => _fields.Count;

    /// <summary>The fields in arguments <paramref name="first"/>.. of the command.</summary>
    public static FieldList Of(CommandContext ctx, int first)
    {
        var list = new FieldList();
        for (int i = first; i < ctx.Count; i++) list.Add(ctx.Arg(i), []);
        return list;
    }

    /// <summary>The field/value pairs in arguments <paramref name="first"/>.. of the command.</summary>
    public static FieldList OfPairs(CommandContext ctx, int first)
    {
        var list = new FieldList();
        for (int i = first; i + 1 < ctx.Count; i += 2) list.Add(ctx.Arg(i), ctx.Arg(i + 1));
        return list;
    }

    /// <summary>The fields of several lists in order; a field set by more than one keeps the last value.</summary>
    public static FieldList Merge(IEnumerable<FieldList> lists)
    {
        var merged = new FieldList();
        foreach (var list in lists)
        {
            for (int i = 0; i < list.Count; i++) merged.Add(list._fields[i], list._values[i]);
        }
        return merged;
    }

    /// <summary>Each field's hash as hex, the identity used to tell fields apart.</summary>
    public IEnumerable<string> HashIds => _indexByHash.Keys;

    public static byte[] HashOf(byte[] field) => SHA256.HashData(field);

    /// <summary>Statement shape for <paramref name="count"/> fields of one chunk.</summary>
    public static int ShapeFor(int count) => InListShape.For(Math.Min(count, MaxPerStatement));

    /// <summary>The chunks to send, one statement each.</summary>
    public IEnumerable<FieldChunk> Chunks()
    {
        for (int start = 0; start < Count; start += MaxPerStatement)
        {
            int length = Math.Min(MaxPerStatement, Count - start);
            yield return new FieldChunk(this, start, length, ShapeFor(length));
        }
    }

    private void Add(byte[] field, byte[] value)
    {
        var hash = HashOf(field);
        var key = Convert.ToHexString(hash);
        if (_indexByHash.TryGetValue(key, out int index))
        {
            _values[index] = value;
            return;
        }
        _indexByHash[key] = _fields.Count;
        _fields.Add(field);
        _hashes.Add(hash);
        _values.Add(value);
    }

    /// <summary>Up to <see cref="MaxPerStatement"/> consecutive fields, bound to a statement of <see cref="Shape"/> slots.</summary>
    public readonly record struct FieldChunk(FieldList List, int Start, int Length, int Shape)
    {
        /// <summary>Values for a statement taking <paramref name="keyId"/> then one hash per slot.</summary>
        public object?[] BindHashes(long keyId)
        {
            var values = new object?[1 + Shape];
            values[0] = keyId;
            for (int slot = 0; slot < Shape; slot++) values[1 + slot] = List._hashes[Source(slot)];
            return values;
        }

        /// <summary>Values for a statement taking <paramref name="keyId"/> then (hash, field, value) per slot.</summary>
        public object?[] BindRows(long keyId)
        {
            var values = new object?[1 + 3 * Shape];
            values[0] = keyId;
            for (int slot = 0; slot < Shape; slot++)
            {
                int i = Source(slot);
                values[1 + 3 * slot] = List._hashes[i];
                values[2 + 3 * slot] = List._fields[i];
                values[3 + 3 * slot] = List._values[i];
            }
            return values;
        }

        private int Source(int slot) => Start + Math.Min(slot, Length - 1);
    }
}
