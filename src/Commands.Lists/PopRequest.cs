using RedisOnMySql.Kernel.Protocol;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Lists;

/// <summary>
/// One LPOP / RPOP as data, for the shared pop transaction: the end, how many elements, and whether the command named
/// a count (then it answers an array, else one bulk string).
/// </summary>
internal sealed record PopRequest(ListEnd End, long Count, bool WithCount)
{
    /// <summary>A plan row holding what this pop took: null when the key was missing.</summary>
    public object?[] Row(List<byte[]>? taken) => [new Taken(this, taken)];

    /// <summary>Answers a plan row: what <see cref="Row"/> made, or an error row of <see cref="PlanReplies.Error"/>.</summary>
    public static void Reply(RespWriter reply, object?[]? row)
    {
        if (PlanReplies.TryWriteError(reply, row)) return;
        var (request, values) = (Taken)row![0]!;
        if (!request.WithCount)
        {
            if (values is null) reply.WriteNullBulk();
            else reply.WriteBulkString(values[0]);
            return;
        }
        if (values is null)
        {
            reply.WriteNullArray();
            return;
        }
        reply.WriteArrayHeader(values.Count);
        foreach (var value in values) reply.WriteBulkString(value);
    }

    private sealed record Taken(PopRequest Request, List<byte[]>? Values);
}
