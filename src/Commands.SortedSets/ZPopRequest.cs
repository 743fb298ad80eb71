using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.SortedSets;

namespace RedisOnMySql.Commands.SortedSets;

/// <summary>One ZPOPMIN / ZPOPMAX as data, for the shared pop transaction: which end, and how many members.</summary>
internal sealed record ZPopRequest(bool Max, long Count)
{
    /// <summary>Answers a plan row holding the members taken (member, score pairs), or an error row.</summary>
    public static void Reply(RespWriter reply, object?[]? row)
    {
        if (PlanReplies.TryWriteError(reply, row)) return;
        var taken = (List<ZEntry>)row![0]!;
        reply.WriteArrayHeader(taken.Count * 2);
        foreach (var entry in taken)
        {
            reply.WriteBulkString(entry.Member.Value);
            reply.WriteBulkString(ScoreText.Format(entry.Score));
        }
    }
}
