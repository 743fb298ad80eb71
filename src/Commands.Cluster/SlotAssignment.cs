using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Cluster;

/// <summary>
/// Which live node serves which slots, computed alike by every proxy from the set of live node ids alone: the 16384
/// slots in 128 chunks of 128, given out by capacitated rendezvous hashing. Every (chunk, node) pair has a score that
/// depends on nothing else; going through all pairs from the highest score down, a chunk still free goes to the pair's
/// node while that node holds fewer than floor(128 / N) chunks, or exactly that many while fewer than 128 mod N nodes
/// have taken one more. So the split is even (counts differ by at most one chunk; a plain cap of ceil(128 / N) would
/// leave the last node short, 26 26 26 26 24 for five), and a node joining or leaving moves about its own share of
/// chunks: the others keep the chunks they score highest on.
/// </summary>
internal static class SlotAssignment
{
    public const int Chunks = 128;
    public const int SlotsPerChunk = KeySlot.Count / Chunks;

    /// <summary>
    /// The owner of every chunk, as an index into <paramref name="nodeIds"/>; the same owners, by id, whatever the order
    /// of the ids. With more than 128 nodes some serve no slot.
    /// </summary>
    public static int[] Assign(IReadOnlyList<string> nodeIds)
    {
        var owners = new int[Chunks];
        Array.Fill(owners, -1);
        int nodes = nodeIds.Count;
        if (nodes == 0) return owners;

        var pairs = new (ulong Score, int Node, int Chunk)[Chunks * nodes];
        for (int node = 0; node < nodes; node++)
            for (int chunk = 0; chunk < Chunks; chunk++)
                pairs[node * Chunks + chunk] = (Score(nodeIds[node], chunk), node, chunk);
        // Ties (astronomically rare) are broken by id, not by position, so the input's order never matters.
        Array.Sort(pairs, (a, b) =>
            b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : a.Node != b.Node ? string.CompareOrdinal(nodeIds[a.Node], nodeIds[b.Node])
            : a.Chunk.CompareTo(b.Chunk));

        int share = Chunks / nodes, extras = Chunks % nodes;
        var held = new int[nodes];
        int free = Chunks;
        foreach (var (_, node, chunk) in pairs)
        {
            if (owners[chunk] >= 0 || held[node] > share) continue;
            if (held[node] == share)
            {
                if (extras == 0) continue;
                extras--;
            }
            owners[chunk] = node;
            held[node]++;
            if (--free == 0) break;
        }
        return owners;
    }

    /// <summary>The slots of a chunk.</summary>
    public static SlotRange SlotsOf(int chunk) => new(chunk * SlotsPerChunk, (chunk + 1) * SlotsPerChunk - 1);

    /// <summary>The first 64 bits of SHA-1(node id, chunk): stable across processes, versions and machines.</summary>
    private static ulong Score(string nodeId, int chunk)
    {
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetByteCount(nodeId) + sizeof(ushort)];
        int length = Encoding.UTF8.GetBytes(nodeId, input);
        BinaryPrimitives.WriteUInt16BigEndian(input[length..], (ushort)chunk);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}
