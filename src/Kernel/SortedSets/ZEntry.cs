using System.Data.Common;

namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>A member of a sorted set with its score.</summary>
public sealed record ZEntry(ZMember Member, double Score)
{
    /// <summary>Reads columns member_hash, member, score_inf, score (in that order from <paramref name="ordinal"/>).</summary>
    public static ZEntry Read(DbDataReader reader, int ordinal = 0) =>
        new(ZMember.Stored((byte[])reader.GetValue(ordinal + 1), (byte[])reader.GetValue(ordinal)), ScoreColumns.Read(reader, ordinal + 2));

    /// <summary>Redis's order: by score, then by the member's bytes.</summary>
    public static int Compare(ZEntry a, ZEntry b)
    {
        int byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : a.Member.Value.AsSpan().SequenceCompareTo(b.Member.Value);
    }
}
