using System.Buffers;

namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Encodes a value the way Redis 7.0 would hold it in memory after building it with plain commands (RPUSH, SADD,
/// ZADD, HSET) under the given settings, and then save it (rdb.c's rdbSaveObjectType and rdbSaveObject).
/// </summary>
internal static class RdbValueWriter
{
    private const int PlainNode = 1;
    private const int PackedNode = 2;

    public static void Write(RdbValue value, RdbEncodingOptions options, RdbWriter writer)
    {
        switch (value)
        {
            case RdbString text:
                writer.WriteByte(RdbType.String);
                writer.WriteString(text.Value);
                break;
            case RdbList list:
                WriteList(NonEmpty(list.Items), options, writer);
                break;
            case RdbSet set:
                WriteSet(NonEmpty(set.Members), options, writer);
                break;
            case RdbSortedSet sortedSet:
                WriteSortedSet(NonEmpty(sortedSet.Entries), options, writer);
                break;
            case RdbHash hash:
                WriteHash(NonEmpty(hash.Fields), options, writer);
                break;
            default:
                throw new ArgumentException($"Unknown value type {value.GetType().Name}.", nameof(value));
        }
    }

    // Redis deletes a collection with its last element, so no payload holds an empty one (RESTORE refuses it).
    private static IReadOnlyList<T> NonEmpty<T>(IReadOnlyList<T> elements) => elements.Count > 0
        ? elements
        : throw new ArgumentException("An empty collection has no DUMP payload: Redis never holds an empty key.", "value");

    // A quicklist as RPUSH builds it (see QuicklistNodeSplitter). The node count comes first in the payload, so the
    // split is planned before anything is written.
    private static void WriteList(IReadOnlyList<byte[]> items, RdbEncodingOptions options, RdbWriter writer)
    {
        var splitter = new QuicklistNodeSplitter(options.ListMaxListpackSize);
        var nodeEnds = new List<int>();
        for (var i = 0; i < items.Count; i++)
            if (splitter.Add(items[i]) && i > 0) nodeEnds.Add(i);
        nodeEnds.Add(items.Count);

        writer.WriteByte(RdbType.ListQuicklist2);
        writer.WriteLength((ulong)nodeEnds.Count);
        using var listpack = new ListpackWriter();
        var start = 0;
        foreach (var end in nodeEnds)
        {
            if (end - start == 1 && items[start].Length >= QuicklistNodeSplitter.PlainItemThreshold)
            {
                writer.WriteLength(PlainNode);
                writer.WriteString(items[start]);
            }
            else
            {
                listpack.Clear();
                for (var i = start; i < end; i++) listpack.Append(items[i]);
                writer.WriteLength(PackedNode);
                writer.WriteString(listpack.Finish());
            }
            start = end;
        }
    }

    // An intset when every member is a canonical integer and there are few enough, else a hash table.
    private static void WriteSet(IReadOnlyList<byte[]> members, RdbEncodingOptions options, RdbWriter writer)
    {
        if (members.Count <= options.SetMaxIntsetEntries)
        {
            var values = new long[members.Count];
            var allIntegers = true;
            for (var i = 0; i < values.Length && allIntegers; i++)
                allIntegers = CanonicalInteger.TryParse(members[i], out values[i]);
            if (allIntegers)
            {
                Array.Sort(values);
                writer.WriteByte(RdbType.SetIntset);
                writer.WriteString(Intset.Build(values));
                return;
            }
        }

        writer.WriteByte(RdbType.Set);
        writer.WriteLength((ulong)members.Count);
        foreach (var member in members) writer.WriteString(member);
    }

    // A listpack of member, score pairs sorted by (score, member) when small, else the skiplist saved from the highest
    // to the lowest (score, member) with binary scores. Both orders are deterministic, so both match Redis's bytes.
    private static void WriteSortedSet(IReadOnlyList<RdbSortedSetEntry> entries, RdbEncodingOptions options, RdbWriter writer)
    {
        var sorted = SortByScoreThenMember(entries);

        var small = sorted.Length <= options.ZSetMaxListpackEntries;
        for (var i = 0; i < sorted.Length && small; i++) small = sorted[i].Member.Length <= options.ZSetMaxListpackValue;

        if (small)
        {
            using var listpack = new ListpackWriter();
            foreach (var entry in sorted)
            {
                listpack.Append(entry.Member);
                AppendStoredScore(listpack, entry.Score);
            }
            writer.WriteByte(RdbType.ZSetListpack);
            writer.WriteString(listpack.Finish());
            return;
        }

        writer.WriteByte(RdbType.ZSet2);
        writer.WriteLength((ulong)sorted.Length);
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            writer.WriteString(sorted[i].Member);
            writer.WriteBinaryDouble(sorted[i].Score);
        }
    }

    // zzlInsertAt: an integral score within ±2^62 as an integer, any other as its "%.17g" text ("inf", "-inf").
    private static void AppendStoredScore(ListpackWriter listpack, double score)
    {
        if (DoubleText.TryGetInteger(score, out var integer))
        {
            listpack.AppendInteger(integer);
            return;
        }
        var text = DoubleText.Format(score);
        Span<byte> bytes = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
        listpack.Append(bytes);
    }

    // zslInsert's order: by score (-0.0 = 0.0), then by member bytes (memcmp, a prefix first). Sorting the scores as
    // plain doubles first is several times faster than comparing entries; only runs of equal scores need the members.
    private static RdbSortedSetEntry[] SortByScoreThenMember(IReadOnlyList<RdbSortedSetEntry> entries)
    {
        var sorted = entries.ToArray();
        var scores = ArrayPool<double>.Shared.Rent(sorted.Length);
        try
        {
            for (var i = 0; i < sorted.Length; i++) scores[i] = sorted[i].Score;
            Array.Sort(scores, sorted, 0, sorted.Length);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }

        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Score == sorted[start].Score) end++;
            if (end - start > 1) Array.Sort(sorted, start, end - start, MemberOrder.Instance);
            start = end;
        }
        return sorted;
    }

    // A listpack of field, value pairs in the given order when small, else a hash table.
    private static void WriteHash(IReadOnlyList<RdbHashField> fields, RdbEncodingOptions options, RdbWriter writer)
    {
        var small = fields.Count <= options.HashMaxListpackEntries;
        for (var i = 0; i < fields.Count && small; i++)
            small = fields[i].Name.Length <= options.HashMaxListpackValue && fields[i].Value.Length <= options.HashMaxListpackValue;

        if (small)
        {
            using var listpack = new ListpackWriter();
            foreach (var field in fields)
            {
                listpack.Append(field.Name);
                listpack.Append(field.Value);
            }
            writer.WriteByte(RdbType.HashListpack);
            writer.WriteString(listpack.Finish());
            return;
        }

        writer.WriteByte(RdbType.Hash);
        writer.WriteLength((ulong)fields.Count);
        foreach (var field in fields)
        {
            writer.WriteString(field.Name);
            writer.WriteString(field.Value);
        }
    }

    private sealed class MemberOrder : IComparer<RdbSortedSetEntry>
    {
        public static readonly MemberOrder Instance = new();

        public int Compare(RdbSortedSetEntry x, RdbSortedSetEntry y) => x.Member.AsSpan().SequenceCompareTo(y.Member);
    }
}
