namespace RedisOnMySql.Kernel.SortedSets;

/// <summary>Which members of a sorted set a <see cref="ZSetQuery"/> selects; each kind has its own statements.</summary>
public enum ZSetQueryKind
{
    /// <summary>Every member (ranges by rank).</summary>
    All,
    /// <summary>Members whose score is in a <see cref="ScoreRange"/>.</summary>
    Score,
    /// <summary>Members in a <see cref="LexRange"/>, whatever their score.</summary>
    Lex,
    /// <summary>Members in a <see cref="LexRange"/> that all have one score: an index range read.</summary>
    LexAtScore,
}
