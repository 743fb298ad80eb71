namespace RedisOnMySql.Commands.Strings;

/// <summary>One matched run of LCS IDX: positions in the first and the second string (inclusive) and its length.</summary>
internal readonly record struct LcsMatch(int AStart, int AEnd, int BStart, int BEnd)
{
    public int Length => AEnd - AStart + 1;
}

/// <summary>
/// The longest common subsequence of two byte strings by the classic dynamic-programming table, walked back the
/// way Redis 7.0 walks it, so the chosen subsequence and the matched runs (last run first) are the same as Redis's.
/// </summary>
internal sealed class LongestCommonSubsequence
{
    /// <summary>Redis refuses a table larger than proto-max-bulk-len (4 bytes per cell).</summary>
    public const string TableTooLarge = "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len";

    private readonly byte[] _a;
    private readonly byte[] _b;
    private readonly uint[] _table;

    private LongestCommonSubsequence(byte[] a, byte[] b)
    {
        _a = a;
        _b = b;
        _table = new uint[(a.Length + 1) * (b.Length + 1)];
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                Cell(i, j) = a[i - 1] == b[j - 1] ? Cell(i - 1, j - 1) + 1 : Math.Max(Cell(i - 1, j), Cell(i, j - 1));
            }
        }
    }

    public int Length => (int)Cell(_a.Length, _b.Length);

    public static bool FitsInMemory(byte[] a, byte[] b) => (a.Length + 1L) * (b.Length + 1L) * sizeof(uint) <= StringLimits.MaxLength;

    public static LongestCommonSubsequence Compute(byte[] a, byte[] b) => new(a, b);

    private ref uint Cell(int i, int j) => ref _table[i * (_b.Length + 1) + j];

    /// <summary>The subsequence itself, and its runs of at least <paramref name="minMatchLength"/> bytes from the end backwards.</summary>
    public (byte[] Sequence, List<LcsMatch> Matches) Walk(long minMatchLength)
    {
        var sequence = new byte[Length];
        var matches = new List<LcsMatch>();
        int index = Length, i = _a.Length, j = _b.Length;
        int aStart = -1, aEnd = 0, bStart = 0, bEnd = 0; // aStart -1: no run in progress
        while (i > 0 && j > 0)
        {
            bool emit = false;
            if (_a[i - 1] == _b[j - 1])
            {
                sequence[--index] = _a[i - 1];
                if (aStart < 0)
                {
                    aStart = aEnd = i - 1;
                    bStart = bEnd = j - 1;
                }
                else
                {
                    aStart--;
                    bStart--;
                }
                if (aStart == 0 || bStart == 0) emit = true;
                i--;
                j--;
            }
            else
            {
                if (Cell(i - 1, j) > Cell(i, j - 1)) i--;
                else j--;
                if (aStart >= 0) emit = true;
            }
            if (emit)
            {
                var match = new LcsMatch(aStart, aEnd, bStart, bEnd);
                if (match.Length >= minMatchLength) matches.Add(match);
                aStart = -1;
            }
        }
        return (sequence, matches);
    }
}
