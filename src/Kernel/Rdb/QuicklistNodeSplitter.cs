namespace RedisOnMySql.Kernel.Rdb;

/// <summary>
/// How RPUSH splits a list into quicklist nodes (quicklist.c's quicklistPushTail and _quicklistNodeAllowInsert): fed
/// the items from head to tail, it says which item opens a new node, and keeps the size of the node being filled.
/// Both a DUMP payload and MEMORY USAGE depend on this split.
/// </summary>
internal sealed class QuicklistNodeSplitter(int listMaxListpackSize)
{
    /// <summary>quicklist.c: an item this large gets a node of its own, stored as is (a DEBUG setting; 1 GB otherwise).</summary>
    public const long PlainItemThreshold = 1L << 30;

    // quicklist.c: node size limits for list-max-listpack-size -1 … -5, the limit a count-based fill also obeys, and
    // the bytes an item may add beyond its own length.
    private static readonly int[] NodeSizeLimits = [4096, 8192, 16384, 32768, 65536];
    private const int NodeSafetyLimit = 8192;
    private const int ItemOverheadEstimate = 8;

    // quicklistSetFill clamps the parameter to -5 … 32767.
    private readonly int _fill = Math.Clamp(listMaxListpackSize, -NodeSizeLimits.Length, short.MaxValue);

    private int _nodeItems;

    /// <summary>Nodes opened so far.</summary>
    public long Nodes { get; private set; }

    /// <summary>Whether the last node holds one item as is rather than a listpack.</summary>
    public bool NodeIsPlain { get; private set; }

    /// <summary>The last node's size: its listpack's bytes (header and end byte included), or a plain item's length.</summary>
    public long NodeBytes { get; private set; }

    /// <summary>Adds the next item; true when it opens a new node.</summary>
    public bool Add(ReadOnlySpan<byte> item)
    {
        if (item.Length >= PlainItemThreshold)
        {
            Open(plain: true, item.Length);
            return true;
        }
        var opens = Nodes == 0 || NodeIsPlain || !NodeAccepts(item.Length);
        if (opens) Open(plain: false, ListpackWriter.HeaderSize + 1);
        NodeBytes += ListpackWriter.EntrySize(item);
        _nodeItems++;
        return opens;
    }

    private void Open(bool plain, long bytes)
    {
        Nodes++;
        NodeIsPlain = plain;
        NodeBytes = bytes;
        _nodeItems = plain ? 1 : 0;
    }

    // A negative fill caps the node's size; a positive one caps its count, within 8 KB.
    private bool NodeAccepts(int itemLength)
    {
        var newSize = NodeBytes + itemLength + ItemOverheadEstimate;
        if (_fill < 0) return newSize <= NodeSizeLimits[-_fill - 1];
        return newSize <= NodeSafetyLimit && _nodeItems < _fill;
    }
}
