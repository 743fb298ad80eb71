namespace RedisOnMySql.Differential.Tests;

/// <summary>
/// One command of a case: where it is written, its text, its arguments and how its replies are compared; on which
/// connection it runs (<c>other:</c> runs it on the case's second connection) and how many reply frames it reads
/// (<c>frames:N</c>; SUBSCRIBE answers one per channel). A line <c>(read)</c> sends nothing and reads one frame, a message
/// pushed to a subscriber. A line <c>(sleep N)</c> waits N milliseconds once, for both servers (keys with a short TTL expire).
/// </summary>
public sealed record CaseLine(string File, int LineNumber, string Text, IReadOnlyList<byte[]> Arguments, ReplyComparison Comparison,
    bool OnOther = false, int Frames = 1, int SleepMs = 0)
{
    public bool SendsNothing => Arguments.Count == 0;

    public string Location => $"{File}:{LineNumber}";
}
