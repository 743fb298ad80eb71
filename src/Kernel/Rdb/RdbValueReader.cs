namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// Decodes a value of each RDB type Redis 7.0 restores (rdb.c's rdbLoadObject), with the checks Redis makes when
/// sanitize-dump-payload is yes: the structure of every listpack, ziplist and intset, no duplicate set member, hash
/// field or sorted set member, no NaN score, no empty collection. (By default Redis skips the deep checks of
/// listpacks and intsets and would restore such a payload in a state it cannot handle.) One check is ours alone: Redis
/// never looks at the scores of a listpack or ziplist, and would hold a score written as "nan".
/// </summary>
internal static class RdbValueReader
{
    private const int PlainNode = 1;
    private const int PackedNode = 2;

    public static RdbValue Read(byte type, ref RdbReader reader) => type switch
    {
        RdbType.String => new RdbString(reader.ReadString()),
        RdbType.List => ReadLinkedList(ref reader),
        RdbType.Set => ReadSet(ref reader),
        RdbType.ZSet => ReadSortedSet(ref reader, binaryScores: false),
        RdbType.ZSet2 => ReadSortedSet(ref reader, binaryScores: true),
        RdbType.Hash => ReadHash(ref reader),
        RdbType.HashZipmap => ReadZipmapHash(ref reader),
        RdbType.ListZiplist => ReadZiplistList(ref reader),
        RdbType.SetIntset => ReadIntset(ref reader),
        RdbType.ZSetZiplist => ReadZiplistSortedSet(ref reader),
        RdbType.HashZiplist => ReadZiplistHash(ref reader),
        RdbType.ListQuicklist => ReadQuicklist(ref reader, withContainers: false),
        RdbType.HashListpack => ReadListpackHash(ref reader),
        RdbType.ZSetListpack => ReadListpackSortedSet(ref reader),
        RdbType.ListQuicklist2 => ReadQuicklist(ref reader, withContainers: true),
        RdbType.Module or RdbType.Module2 => throw new RdbFormatException("Module values cannot be restored (no module is loaded)."),
        _ => throw new RdbFormatException($"Unknown RDB type {type}."),
    };

    private static RdbList ReadLinkedList(ref RdbReader reader)
    {
        var items = new byte[NonEmptyCount(ref reader)][];
        for (var i = 0; i < items.Length; i++) items[i] = reader.ReadString();
        return new RdbList(items);
    }

    private static RdbSet ReadSet(ref RdbReader reader)
    {
        var members = new byte[NonEmptyCount(ref reader)][];
        var seen = new HashSet<byte[]>(members.Length, ByteStringComparer.Instance);
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = reader.ReadString();
            if (!seen.Add(members[i])) throw new RdbFormatException("Duplicate set members detected.");
        }
        return new RdbSet(members);
    }

    private static RdbSortedSet ReadSortedSet(ref RdbReader reader, bool binaryScores)
    {
        var entries = new RdbSortedSetEntry[NonEmptyCount(ref reader)];
        var seen = new HashSet<byte[]>(entries.Length, ByteStringComparer.Instance);
        for (var i = 0; i < entries.Length; i++)
        {
            var member = reader.ReadString();
            var score = binaryScores ? reader.ReadBinaryDouble() : reader.ReadTextDouble();
            if (double.IsNaN(score)) throw new RdbFormatException("Zset with NAN score detected.");
            if (!seen.Add(member)) throw new RdbFormatException("Duplicate zset fields detected.");
            entries[i] = new RdbSortedSetEntry(member, score);
        }
        return new RdbSortedSet(entries);
    }

    private static RdbHash ReadHash(ref RdbReader reader)
    {
        var fields = new RdbHashField[NonEmptyCount(ref reader)];
        var seen = new HashSet<byte[]>(fields.Length, ByteStringComparer.Instance);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = reader.ReadString();
            var value = reader.ReadString();
            if (!seen.Add(name)) throw new RdbFormatException("Duplicate hash fields detected.");
            fields[i] = new RdbHashField(name, value);
        }
        return new RdbHash(fields);
    }

    private static RdbHash ReadZipmapHash(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        var fields = ZipmapReader.Read(blob.Bytes);
        var seen = new HashSet<byte[]>(fields.Count, ByteStringComparer.Instance);
        foreach (var field in fields)
            if (!seen.Add(field.Name)) throw new RdbFormatException("Hash zipmap with dup elements.");
        return new RdbHash(fields);
    }

    private static RdbList ReadZiplistList(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        var items = new List<byte[]>();
        var ziplist = new ZiplistReader(blob.Bytes);
        while (ziplist.MoveNext()) items.Add(ziplist.ToBytes());
        return new RdbList(NonEmpty(items));
    }

    private static RdbSet ReadIntset(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        return new RdbSet(Intset.Read(blob.Bytes));
    }

    private static RdbSortedSet ReadZiplistSortedSet(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        var entries = new List<RdbSortedSetEntry>();
        var seen = new HashSet<byte[]>(ByteStringComparer.Instance);
        var ziplist = new ZiplistReader(blob.Bytes);
        while (ziplist.MoveNext())
        {
            var member = ziplist.ToBytes();
            if (!seen.Add(member) || !ziplist.MoveNext()) throw OddOrDuplicate("Zset ziplist");
            var score = ziplist.IsInteger ? ziplist.Integer : StoredScore(ziplist.String);
            entries.Add(new RdbSortedSetEntry(member, score));
        }
        return new RdbSortedSet(NonEmpty(entries));
    }

    private static RdbHash ReadZiplistHash(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        var fields = new List<RdbHashField>();
        var seen = new HashSet<byte[]>(ByteStringComparer.Instance);
        var ziplist = new ZiplistReader(blob.Bytes);
        while (ziplist.MoveNext())
        {
            var name = ziplist.ToBytes();
            if (!seen.Add(name) || !ziplist.MoveNext()) throw OddOrDuplicate("Hash ziplist");
            fields.Add(new RdbHashField(name, ziplist.ToBytes()));
        }
        return new RdbHash(NonEmpty(fields));
    }

    private static RdbHash ReadListpackHash(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        var fields = new List<RdbHashField>();
        var seen = new HashSet<byte[]>(ByteStringComparer.Instance);
        var listpack = new ListpackReader(blob.Bytes);
        while (listpack.MoveNext())
        {
            var name = listpack.ToBytes();
            if (!seen.Add(name) || !listpack.MoveNext()) throw OddOrDuplicate("Hash listpack");
            fields.Add(new RdbHashField(name, listpack.ToBytes()));
        }
        return new RdbHash(NonEmpty(fields));
    }

    private static RdbSortedSet ReadListpackSortedSet(ref RdbReader reader)
    {
        using var blob = reader.ReadBlob();
        var entries = new List<RdbSortedSetEntry>();
        var seen = new HashSet<byte[]>(ByteStringComparer.Instance);
        var listpack = new ListpackReader(blob.Bytes);
        while (listpack.MoveNext())
        {
            var member = listpack.ToBytes();
            if (!seen.Add(member) || !listpack.MoveNext()) throw OddOrDuplicate("Zset listpack");
            var score = listpack.IsInteger ? listpack.Integer : StoredScore(listpack.String);
            entries.Add(new RdbSortedSetEntry(member, score));
        }
        return new RdbSortedSet(NonEmpty(entries));
    }

    // RDB_TYPE_LIST_QUICKLIST (ziplist nodes) and _2 (each node a container kind, then a listpack or, for PLAIN, one
    // item). Empty nodes are skipped as Redis does; a list left with no item at all is refused.
    private static RdbList ReadQuicklist(ref RdbReader reader, bool withContainers)
    {
        var nodes = reader.ReadLength();
        if (nodes == 0) throw EmptyKey();
        var items = new List<byte[]>();
        for (ulong node = 0; node < nodes; node++)
        {
            var container = withContainers ? reader.ReadLength() : PackedNode;
            if (container is not (PlainNode or PackedNode)) throw new RdbFormatException("Quicklist integrity check failed.");
            using var blob = reader.ReadBlob();
            if (blob.Bytes.Length == 0) throw new RdbFormatException("Empty quicklist node.");
            if (container == PlainNode)
            {
                items.Add(blob.Bytes.ToArray());
            }
            else if (withContainers)
            {
                var listpack = new ListpackReader(blob.Bytes);
                while (listpack.MoveNext()) items.Add(listpack.ToBytes());
            }
            else
            {
                var ziplist = new ZiplistReader(blob.Bytes);
                while (ziplist.MoveNext()) items.Add(ziplist.ToBytes());
            }
        }
        return new RdbList(NonEmpty(items));
    }

    // zzlGetScore: a score stored as text is read by strtod from at most 127 bytes.
    private static double StoredScore(ReadOnlySpan<byte> text)
    {
        var score = DoubleText.ParseLikeStrtod(text[..Math.Min(text.Length, DoubleText.MaxListpackScoreLength)]);
        if (double.IsNaN(score)) throw new RdbFormatException("Zset with NAN score detected.");
        return score;
    }

    private static int NonEmptyCount(ref RdbReader reader)
    {
        var count = reader.ReadCount();
        if (count == 0) throw EmptyKey();
        return count;
    }

    private static List<T> NonEmpty<T>(List<T> elements) => elements.Count > 0 ? elements : throw EmptyKey();

    private static RdbFormatException EmptyKey() => new("Empty keys are refused.");

    private static RdbFormatException OddOrDuplicate(string structure) =>
        new($"{structure} integrity check failed: a duplicate or an odd number of entries.");
}
