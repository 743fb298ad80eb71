namespace RedisOnMySql.Differential.Tests;

/// <summary>One command of a case: where it is written, its text, its arguments and how its replies are compared.</summary>
public sealed record CaseLine(string File, int LineNumber, string Text, IReadOnlyList<byte[]> Arguments, ReplyComparison Comparison)
{
    public string Location => $"{File}:{LineNumber}";
}
