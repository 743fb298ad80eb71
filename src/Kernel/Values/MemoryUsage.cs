using System.Globalization;
using System.Numerics;
using System.Text;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Kernel.Values;

/// <summary>
/// MEMORY USAGE: the bytes redis-server 7.0 (Debian's, with jemalloc) reports for a key holding the same value. That is
/// objectComputeSize for the value in the encoding OBJECT ENCODING reports (<see cref="ValueEncodings"/>), plus the
/// key's sds and the dictEntry of the keyspace. Collections are sampled as Redis samples them: the first
/// <c>samples</c> elements (or quicklist nodes) are measured and their average is multiplied by the count, so a big
/// set, hash or sorted set costs a count and one page of elements. A list is read whole, a page at a time, because
/// its node count depends on every item's size.
/// <para>
/// Redis's figure also depends on how the value came to be, which the proxy does not know; it is modelled as follows.
/// A string was written by SET in one command (APPEND and SETRANGE leave spare room, INCRBYFLOAT keeps text). A list
/// was built by RPUSH under the current list-max-listpack-size and list-compress-depth (LPUSH fills nodes from the
/// other end, so a sample of the first nodes can differ; LINSERT, LSET and LREM split and merge nodes; Redis keeps the
/// settings a list was created with). A hash table is not being rehashed and has the fewest power-of-two slots its
/// entries need, as after it was built by adding entries or loaded (Redis doubles a table when it is full and moves
/// the entries over one bucket per later access, counting both tables meanwhile, and shrinks it only when it is less
/// than a tenth full). An intset has the narrowest width its members need. A skiplist node's size depends on its
/// level, which Redis draws at random, so its expected size is used. Redis samples set and hash elements in its hash
/// table's order, which a random seed decides; the first elements in the family's scan order are sampled instead, which
/// gives Redis's figure whenever the elements have one size, or when all are sampled.
/// </para>
/// </summary>
public sealed class MemoryUsage(InternalCommands commands, ValueEncodings encodings)
{
    // sizeof() of Redis 7.0's structures on x86-64, which objectComputeSize adds as declared, not as allocated.
    private const long RedisObject = 16;
    private const long DictEntry = 24;
    private const long Dict = 56;
    private const long DictSlot = 8;
    private const long Quicklist = 40;
    private const long QuicklistNode = 40;
    private const long SortedSet = 16;
    private const long Skiplist = 32;

    // What is allocated, and so rounded up by jemalloc: an embedded string's object, sds header and NUL; an LZF node's
    // length field; an intset's encoding and length; a skiplist node before its levels, each level, and the most
    // levels (the header node has them all).
    private const long EmbeddedStringOverhead = RedisObject + 3 + 1;
    private const long CompressedNodeHeader = 8;
    private const long IntsetHeader = 8;
    private const long SkiplistNodeBase = 24;
    private const long SkiplistLevel = 16;
    private const int SkiplistMaxLevel = 32;

    /// <summary>quicklist.c: a node smaller than this is not compressed, nor one that compression shrinks by less than 8.</summary>
    private const long MinCompressBytes = 48;
    private const long MinCompressImprovement = 8;

    /// <summary>List items read per LRANGE.</summary>
    private const int ListPage = 10_000;

    /// <summary>The expected allocation of a skiplist node (without its member), over zslRandomLevel's levels.</summary>
    private static readonly double ExpectedSkiplistNode = ExpectedSkiplistNodeSize();

    /// <summary>
    /// The bytes Redis would report for the key, or null when it does not exist. <paramref name="samples"/> is the
    /// number of elements measured (long.MaxValue for all).
    /// </summary>
    public async Task<long?> OfAsync(CommandContext ctx, byte[] key, long samples, RdbEncodingOptions limits, int listCompressDepth)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                var value = await ValueAsync(ctx, key, samples, limits, listCompressDepth);
                return value is null ? null : value + SdsAllocations.Exact(key.Length) + DictEntry;
            }
            catch (RedisException e) when (e.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal) && attempt < 3)
            {
                // The key changed type between two reads: measure it again.
            }
        }
    }

    private async Task<long?> ValueAsync(CommandContext ctx, byte[] key, long samples, RdbEncodingOptions limits, int listCompressDepth)
    {
        var type = Text(await Call(ctx, "TYPE", key));
        if (type == "none") return null;
        var encoding = await encodings.OfAsync(ctx, key, limits);
        return (type, encoding) switch
        {
            (_, null) => null,
            ("string", "int") => RedisObject,
            ("string", "embstr") => JemallocSizeClasses.Usable(EmbeddedStringOverhead + await LengthAsync(ctx, "STRLEN", key)),
            ("string", _) => RedisObject + RawStringAllocation(await LengthAsync(ctx, "STRLEN", key)),
            ("list", _) => await QuicklistAsync(ctx, key, samples, limits.ListMaxListpackSize, listCompressDepth),
            ("set", "intset") => await IntsetAsync(ctx, key, samples),
            ("set", _) => await SetTableAsync(ctx, key, samples),
            ("zset", "listpack") => ListpackObject(Elements(await Call(ctx, "ZRANGE", key, "0", "-1", "WITHSCORES")), withScores: true),
            ("zset", _) => await SkiplistAsync(ctx, key, samples),
            ("hash", "listpack") => ListpackObject(Elements(await Call(ctx, "HGETALL", key)), withScores: false),
            ("hash", _) => await HashTableAsync(ctx, key, samples),
            _ => throw RedisException.Err($"MEMORY USAGE of a {type} is not supported"),
        };
    }

    // A string over 44 bytes: its robj points to an sds of its own.
    private static long RawStringAllocation(long length) =>
        length < SdsAllocations.BigArgument ? SdsAllocations.Exact(length) : SdsAllocations.ReadWhole(length);

    /// <summary>
    /// The quicklist RPUSH would build: the first nodes are measured (an inner node is LZF-compressed when
    /// list-compress-depth asks for it and that pays) and their average is multiplied by the node count.
    /// </summary>
    private async Task<long?> QuicklistAsync(CommandContext ctx, byte[] key, long samples, int fill, int compressDepth)
    {
        var splitter = new QuicklistNodeSplitter(fill);
        var measured = new List<(long Plain, long Compressed)>();
        using var listpack = new ListpackWriter();
        for (long start = 0; ; start += ListPage)
        {
            var items = Elements(await Call(ctx, "LRANGE", key, Number(start), Number(start + ListPage - 1)));
            foreach (var item in items)
            {
                var (previousBytes, previousIsPlain) = (splitter.NodeBytes, splitter.NodeIsPlain);
                bool opens = splitter.Add(item);
                long node = splitter.Nodes - 1;
                if (opens && node > 0 && node - 1 < samples)
                    measured.Add(NodeSizes(previousBytes, previousIsPlain, listpack, compressDepth));
                // Only a measured node that may be compressed needs its listpack's bytes.
                if (compressDepth <= 0 || node >= samples) continue;
                if (opens) listpack.Clear();
                listpack.Append(item);
            }
            if (items.Count < ListPage) break;
        }
        if (splitter.Nodes == 0) return null;
        if (splitter.Nodes <= samples) measured.Add(NodeSizes(splitter.NodeBytes, splitter.NodeIsPlain, listpack, compressDepth));

        long sampledBytes = 0;
        for (int i = 0; i < measured.Count; i++)
        {
            // __quicklistCompress keeps list-compress-depth nodes at each end as they are.
            bool inner = compressDepth > 0 && i >= compressDepth && i < splitter.Nodes - compressDepth;
            sampledBytes += inner ? measured[i].Compressed : measured[i].Plain;
        }
        return Extrapolate(RedisObject + Quicklist, sampledBytes, measured.Count, splitter.Nodes);
    }

    /// <summary>
    /// A finished node's size as it is, and as it would be compressed (__quicklistCompressNode): LZF into at most the
    /// node's own size, kept only when it saves at least 8 bytes. <paramref name="listpack"/> holds the node's items
    /// when compression is on. A plain node (an item of 1 GB or more) is left uncompressed here.
    /// </summary>
    private static (long Plain, long Compressed) NodeSizes(long bytes, bool isPlain, ListpackWriter listpack, int compressDepth)
    {
        long plain = QuicklistNode + JemallocSizeClasses.Usable(bytes);
        if (compressDepth <= 0 || isPlain || bytes < MinCompressBytes) return (plain, plain);
        var node = listpack.Finish();
        var compressed = new byte[node.Length];
        int length = Lzf.Compress(node, compressed);
        if (length == 0 || length + MinCompressImprovement >= node.Length) return (plain, plain);
        return (plain, QuicklistNode + JemallocSizeClasses.Usable(CompressedNodeHeader + length));
    }

    /// <summary>
    /// An intset: its 8-byte header and the members, all in the width the widest needs. A member that is not an
    /// integer was added since the encoding was found, and made the set a hash table.
    /// </summary>
    private async Task<long?> IntsetAsync(CommandContext ctx, byte[] key, long samples)
    {
        var members = Elements(await Call(ctx, "SMEMBERS", key));
        if (members.Count == 0) return null;
        long low = long.MaxValue, high = long.MinValue;
        foreach (var member in members)
        {
            if (!CanonicalInteger.TryParse(member, out var value)) return await SetTableAsync(ctx, key, samples);
            (low, high) = (Math.Min(low, value), Math.Max(high, value));
        }
        long width = low < int.MinValue || high > int.MaxValue ? 8 : low < short.MinValue || high > short.MaxValue ? 4 : 2;
        return RedisObject + JemallocSizeClasses.Usable(IntsetHeader + width * members.Count);
    }

    /// <summary>
    /// A hash or sorted set in a listpack: the entries of <paramref name="elements"/> as lpInsert stores them. With
    /// scores, every second element is a ZRANGE score, which zzlInsertAt stores as an integer when it is one within
    /// ±2^62 and as its d2string text otherwise.
    /// </summary>
    private static long? ListpackObject(IReadOnlyList<byte[]> elements, bool withScores)
    {
        if (elements.Count == 0) return null;
        long bytes = ListpackWriter.HeaderSize + 1;
        for (int i = 0; i < elements.Count; i++)
            bytes += ListpackWriter.EntrySize(withScores && i % 2 == 1 ? StoredScore(elements[i]) : elements[i]);
        return RedisObject + JemallocSizeClasses.Usable(bytes);
    }

    private static byte[] StoredScore(byte[] text) => ScoreText.TryParse(text, out var score)
        ? Encoding.ASCII.GetBytes(ScoreText.FormatStored(score))
        : throw new FormatException("not a score: " + Encoding.ASCII.GetString(text));

    /// <summary>A set's hash table: per member a dictEntry and the member's sds.</summary>
    private async Task<long?> SetTableAsync(CommandContext ctx, byte[] key, long samples)
    {
        long count = await LengthAsync(ctx, "SCARD", key);
        var members = samples >= count
            ? Elements(await Call(ctx, "SMEMBERS", key))
            : ScanPage(await Call(ctx, "SSCAN", key, "0", "COUNT", Number(samples)));
        if (members.Count == 0) return null;
        long sampled = members.Sum(m => DictEntry + SdsAllocations.Exact(m.Length));
        return Extrapolate(RedisObject + HashTable(count), sampled, members.Count, count);
    }

    /// <summary>A hash's hash table: per field a dictEntry, the field's sds and the value's.</summary>
    private async Task<long?> HashTableAsync(CommandContext ctx, byte[] key, long samples)
    {
        long count = await LengthAsync(ctx, "HLEN", key);
        var fields = samples >= count
            ? Elements(await Call(ctx, "HGETALL", key))
            : ScanPage(await Call(ctx, "HSCAN", key, "0", "COUNT", Number(samples)));
        if (fields.Count == 0) return null;
        long sampled = fields.Count / 2 * DictEntry + fields.Sum(f => SdsAllocations.Exact(f.Length));
        return Extrapolate(RedisObject + HashTable(count), sampled, fields.Count / 2, count);
    }

    /// <summary>
    /// A skiplist with its dict: the zset, skiplist and dict structures, the slots, the header node of 32 levels, and
    /// per member (lowest scores first, as Redis walks it) a dictEntry, the member's sds and a node of a random level.
    /// </summary>
    private async Task<long?> SkiplistAsync(CommandContext ctx, byte[] key, long samples)
    {
        long count = await LengthAsync(ctx, "ZCARD", key);
        var members = Elements(await Call(ctx, "ZRANGE", key, "0", Number(Math.Min(samples, count) - 1)));
        if (members.Count == 0) return null;
        double sampled = members.Sum(m => SdsAllocations.Exact(m.Length) + DictEntry + ExpectedSkiplistNode);
        long header = JemallocSizeClasses.Usable(SkiplistNodeBase + SkiplistLevel * SkiplistMaxLevel);
        return Extrapolate(RedisObject + SortedSet + Skiplist + HashTable(count) + header, sampled, members.Count, count);
    }

    /// <summary>A dict holding <paramref name="entries"/>: its structure and one pointer per slot, at least 4 slots.</summary>
    private static long HashTable(long entries) => Dict + DictSlot * (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(4, entries));

    /// <summary>objectComputeSize's "asize += (double)elesize/samples*count", truncated back to an integer.</summary>
    private static long Extrapolate(long fixedBytes, double sampledBytes, long sampled, long count) =>
        (long)(fixedBytes + sampledBytes / sampled * count);

    // zslRandomLevel adds a level while random() < (int)(0.25 * RAND_MAX), up to 32 levels.
    private static double ExpectedSkiplistNodeSize()
    {
        const double further = 536870911.0 / 2147483648.0;
        double expected = 0, reach = 1;
        for (int level = 1; level <= SkiplistMaxLevel; level++)
        {
            double exactly = level < SkiplistMaxLevel ? reach * (1 - further) : reach;
            expected += exactly * JemallocSizeClasses.Usable(SkiplistNodeBase + SkiplistLevel * level);
            reach *= further;
        }
        return expected;
    }

    private async Task<long> LengthAsync(CommandContext ctx, string command, byte[] key) => (long)(await Call(ctx, command, key))!;

    private Task<object?> Call(CommandContext ctx, string command, byte[] key, params string[] rest) =>
        commands.CallAsync(ctx, command, [key, .. rest.Select(Encoding.ASCII.GetBytes)]);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(object? reply) => Encoding.ASCII.GetString((byte[])reply!);

    private static List<byte[]> Elements(object? reply) => ((object?[])reply!).Select(e => (byte[])e!).ToList();

    // A SCAN-family reply: the cursor, then the elements.
    private static List<byte[]> ScanPage(object? reply) => Elements(((object?[])reply!)[1]);
}
