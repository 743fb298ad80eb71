namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>Redis's glob matching (stringmatchlen): *, ?, [abc], [^a-z] and \ escapes.</summary>
internal static class GlobPattern
{
    public static bool IsMatch(string pattern, string text, bool ignoreCase) =>
        Match(pattern.AsSpan(), text.AsSpan(), ignoreCase);

    private static bool Match(ReadOnlySpan<char> p, ReadOnlySpan<char> s, bool ignoreCase)
    {
        while (p.Length > 0)
        {
            switch (p[0])
            {
                case '*':
                    while (p.Length > 1 && p[1] == '*') p = p[1..];
                    if (p.Length == 1) return true;
                    for (int i = 0; i <= s.Length; i++)
                    {
                        if (Match(p[1..], s[i..], ignoreCase)) return true;
                    }
                    return false;
                case '?':
                    if (s.Length == 0) return false;
                    s = s[1..];
                    p = p[1..];
                    break;
                case '[':
                    if (s.Length == 0 || !MatchClass(ref p, s[0], ignoreCase)) return false;
                    s = s[1..];
                    break;
                default:
                    if (p[0] == '\\' && p.Length >= 2) p = p[1..];
                    if (s.Length == 0 || !Same(p[0], s[0], ignoreCase)) return false;
                    s = s[1..];
                    p = p[1..];
                    break;
            }
        }
        return s.Length == 0;
    }

    /// <summary>Matches one character against "[...]" at the start of <paramref name="p"/> and moves past it.</summary>
    private static bool MatchClass(ref ReadOnlySpan<char> p, char c, bool ignoreCase)
    {
        p = p[1..];
        bool negate = p.Length > 0 && p[0] == '^';
        if (negate) p = p[1..];
        bool match = false;
        while (p.Length > 0 && p[0] != ']')
        {
            if (p[0] == '\\' && p.Length >= 2)
            {
                p = p[1..];
                if (Same(p[0], c, ignoreCase)) match = true;
                p = p[1..];
            }
            else if (p.Length >= 3 && p[1] == '-' && p[2] != ']')
            {
                char from = p[0], to = p[2];
                if (from > to) (from, to) = (to, from);
                char x = ignoreCase ? char.ToLowerInvariant(c) : c;
                if ((c >= from && c <= to) || (ignoreCase && char.ToLowerInvariant(from) <= x && x <= char.ToLowerInvariant(to)))
                    match = true;
                p = p[3..];
            }
            else
            {
                if (Same(p[0], c, ignoreCase)) match = true;
                p = p[1..];
            }
        }
        if (p.Length > 0) p = p[1..]; // the closing ']'; Redis treats a missing one as the end of the pattern
        return match != negate;
    }

    private static bool Same(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToLowerInvariant(a) == char.ToLowerInvariant(b));
}
