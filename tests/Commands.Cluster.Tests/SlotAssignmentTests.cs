namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// The chunks of slots given out among the live nodes: every one has an owner, the split is even, every proxy computes
/// the same from the same ids, and a node joining or leaving moves little more than its own share.
/// </summary>
public class SlotAssignmentTests
{
    private const int Trials = 100;

    /// <summary>Node ids like the real ones (40 hex digits), reproducible from a seed.</summary>
    private static List<string> RandomIds(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            return Convert.ToHexStringLower(bytes);
        }).ToList();

    private static string[] OwnerIds(IReadOnlyList<string> ids) => SlotAssignment.Assign(ids).Select(o => ids[o]).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(127)]
    [InlineData(128)]
    public void Every_chunk_has_an_owner_and_no_node_holds_more_than_one_chunk_above_another(int nodes)
    {
        var owners = SlotAssignment.Assign(RandomIds(new Random(nodes), nodes));
        Assert.All(owners, owner => Assert.InRange(owner, 0, nodes - 1));
        var counts = Enumerable.Range(0, nodes).Select(n => owners.Count(o => o == n)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1, $"chunks per node: {string.Join(", ", counts)}");
    }

    [Fact]
    public void Beyond_128_nodes_each_chunk_still_has_one_owner_and_no_node_holds_two()
    {
        var owners = SlotAssignment.Assign(RandomIds(new Random(200), 200));
        Assert.All(owners, owner => Assert.InRange(owner, 0, 199));
        Assert.Equal(SlotAssignment.Chunks, owners.Distinct().Count());
    }

    [Fact]
    public void No_node_no_owner() => Assert.All(SlotAssignment.Assign([]), owner => Assert.Equal(-1, owner));

    [Fact]
    public void The_owners_depend_on_the_set_of_ids_not_on_their_order()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 20; trial++)
        {
            var ids = RandomIds(random, 2 + trial % 6);
            var shuffled = ids.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(OwnerIds(ids), OwnerIds(shuffled));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_node_joining_moves_about_its_share_of_chunks(int nodes) =>
        AssertMovesAboutAShare(nodes, ids => (ids.Take(nodes).ToList(), ids), SlotAssignment.Chunks / (double)(nodes + 1));

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void A_node_leaving_moves_about_its_share_of_chunks(int nodes) =>
        AssertMovesAboutAShare(nodes, ids => (ids.Take(nodes).ToList(), ids.Skip(1).Take(nodes - 1).ToList()),
            SlotAssignment.Chunks / (double)nodes);

    /// <summary>
    /// Over many random clusters of <paramref name="nodes"/> (one more id drawn for a joiner), the chunks that change owner
    /// when the map goes from one set of ids to the other: at least the joiner's or leaver's share must move, and a
    /// good assignment moves little more: never more than the share plus a tenth of all chunks, and on average less
    /// than 1.2 times the share. (Taking chunk i to node i mod N would move most chunks.)
    /// </summary>
    private static void AssertMovesAboutAShare(int nodes, Func<List<string>, (List<string> Before, List<string> After)> change, double share)
    {
        var random = new Random(nodes);
        var moves = new List<int>();
        for (int trial = 0; trial < Trials; trial++)
        {
            var (before, after) = change(RandomIds(random, nodes + 1));
            var was = OwnerIds(before);
            var now = OwnerIds(after);
            moves.Add(Enumerable.Range(0, SlotAssignment.Chunks).Count(chunk => was[chunk] != now[chunk]));
        }
        Assert.True(moves.Max() <= share + SlotAssignment.Chunks / 10.0, $"at most {moves.Max()} chunks moved; share {share:0.0}");
        Assert.True(moves.Average() < share * 1.2, $"{moves.Average():0.0} chunks moved on average; share {share:0.0}");
        Assert.True(moves.Min() >= Math.Floor(share), $"only {moves.Min()} chunks moved; share {share:0.0}");
    }
}
