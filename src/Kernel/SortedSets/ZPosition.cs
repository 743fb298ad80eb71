using System.Data.Common;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>
/// A place in zset_members' order index: (score_inf, score, member_prefix, member_hash), compared as MySQL compares
/// those columns (numbers, then bytes, a shorter string first).
/// </summary>
public readonly record struct ZPosition(sbyte Inf, double Score, byte[] Prefix, byte[] Hash) : IComparable<ZPosition>
{
    private static readonly byte[] LowestHash = new byte[32];
    private static readonly byte[] HighestHash = Enumerable.Repeat((byte)0xFF, 32).ToArray();

    public static ZPosition Of(ZMember member, double score) =>
        new(ScoreColumns.Inf(score), ScoreColumns.Finite(score), member.Prefix, member.Hash);

    /// <summary>Before every member with the entry's score and prefix: the start of the group the index cannot order.</summary>
    public static ZPosition GroupStart(ZEntry entry) => Of(entry.Member, entry.Score) with { Hash = LowestHash };

    /// <summary>After every member with the entry's score and prefix.</summary>
    public static ZPosition GroupEnd(ZEntry entry) => Of(entry.Member, entry.Score) with { Hash = HighestHash };

    /// <summary>Reads four columns from <paramref name="ordinal"/> on, in the index's order.</summary>
    public static ZPosition Read(DbDataReader r, int ordinal) => new(
        Convert.ToSByte(r.GetValue(ordinal)), r.GetDouble(ordinal + 1), (byte[])r.GetValue(ordinal + 2), (byte[])r.GetValue(ordinal + 3));

    /// <summary>The four values, in the order the statements take them.</summary>
    public object?[] Values => [Inf, Score, Prefix, Hash];

    public int CompareTo(ZPosition other)
    {
        int c = Inf.CompareTo(other.Inf);
        if (c == 0) c = Score.CompareTo(other.Score);
        if (c == 0) c = Prefix.AsSpan().SequenceCompareTo(other.Prefix);
        return c != 0 ? c : Hash.AsSpan().SequenceCompareTo(other.Hash);
    }
}
