using System.Text;

namespace RedisOnMySql.Kernel.Sdk;

/// <summary>
/// A KEYS / SCAN MATCH pattern with Redis's glob rules, byte for byte as its stringmatchlen: <c>*</c>, <c>?</c>,
/// classes <c>[abc]</c>, <c>[^a]</c>, <c>[a-z]</c> (reversed ranges allowed), and <c>\</c> escapes, including its
/// quirks (an unterminated class still matches, a trailing <c>\</c> is literal). Bytes compare unsigned.
/// Shared by every MATCH/PATTERN argument: KEYS, SCAN, COMMAND LIST, CONFIG GET, and the collection scans.
/// </summary>
public sealed class GlobPattern
{
    /// <summary>Redis's guard against patterns that would recurse without end (many stars).</summary>
    private const int MaxNesting = 1000;

    private readonly byte[] _pattern;
    private readonly bool _ignoreCase;

    /// <param name="ignoreCase">ASCII case-insensitive, as Redis's nocase matching for CONFIG GET and COMMAND LIST.</param>
    public GlobPattern(byte[] pattern, bool ignoreCase = false)
    {
        _ignoreCase = ignoreCase;
        _pattern = ignoreCase ? AsciiLower(pattern) : pattern;
        MatchesEverything = pattern is [(byte)'*'];
        LiteralPrefix = ignoreCase ? [] : ReadLiteralPrefix(pattern);
    }

    /// <summary>Case-insensitive match of a text name (config parameter, command name).</summary>
    public static bool IsMatch(string pattern, string text) =>
        new GlobPattern(Encoding.UTF8.GetBytes(pattern), ignoreCase: true).IsMatch(Encoding.UTF8.GetBytes(text));

    /// <summary>The pattern is a lone <c>*</c>: no need to match at all.</summary>
    public bool MatchesEverything { get; }

    /// <summary>The bytes every matching key starts with (escapes resolved), empty when the pattern starts with a wildcard.</summary>
    public byte[] LiteralPrefix { get; }

    public bool IsMatch(ReadOnlySpan<byte> key)
    {
        if (MatchesEverything) return true;
        bool skipLongerMatches = false;
        return Match(_pattern, _ignoreCase ? AsciiLower(key.ToArray()) : key, ref skipLongerMatches, 0);
    }

    private static byte[] AsciiLower(byte[] bytes)
    {
        var lower = new byte[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            lower[i] = bytes[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(bytes[i] + 32) : bytes[i];
        return lower;
    }

    private static byte[] ReadLiteralPrefix(byte[] pattern)
    {
        var prefix = new List<byte>();
        for (int i = 0; i < pattern.Length; i++)
        {
            byte b = pattern[i];
            if (b is (byte)'*' or (byte)'?' or (byte)'[') break;
            if (b == (byte)'\\' && i + 1 < pattern.Length) b = pattern[++i];
            prefix.Add(b);
        }
        return prefix.ToArray();
    }

    private static bool Match(ReadOnlySpan<byte> p, ReadOnlySpan<byte> s, ref bool skipLongerMatches, int nesting)
    {
        if (nesting > MaxNesting) return false;
        int pi = 0, si = 0;
        while (pi < p.Length && si < s.Length)
        {
            switch (p[pi])
            {
                case (byte)'*':
                    while (pi + 1 < p.Length && p[pi + 1] == (byte)'*') pi++;
                    if (pi + 1 == p.Length) return true;
                    for (; si < s.Length; si++)
                    {
                        if (Match(p[(pi + 1)..], s[si..], ref skipLongerMatches, nesting + 1)) return true;
                        if (skipLongerMatches) return false;
                    }
                    // The rest of the pattern matches nowhere in the rest of the key, so earlier stars need not
                    // try longer spans either.
                    skipLongerMatches = true;
                    return false;
                case (byte)'?':
                    si++;
                    break;
                case (byte)'[':
                    if (!MatchClass(p, ref pi, s[si])) return false;
                    si++;
                    break;
                default:
                    if (p[pi] == (byte)'\\' && pi + 1 < p.Length) pi++;
                    if (p[pi] != s[si]) return false;
                    si++;
                    break;
            }
            pi++;
            if (si == s.Length)
            {
                while (pi < p.Length && p[pi] == (byte)'*') pi++;
                break;
            }
        }
        return pi == p.Length && si == s.Length;
    }

    /// <summary>Matches one byte against the class opening at <paramref name="pi"/>, leaving pi on its last byte.</summary>
    private static bool MatchClass(ReadOnlySpan<byte> p, ref int pi, byte c)
    {
        pi++;
        bool negate = pi < p.Length && p[pi] == (byte)'^';
        if (negate) pi++;
        bool match = false;
        while (true)
        {
            if (pi >= p.Length)
            {
                pi--; // unterminated: the class ends with the pattern
                break;
            }
            if (p[pi] == (byte)'\\' && p.Length - pi >= 2)
            {
                pi++;
                if (p[pi] == c) match = true;
            }
            else if (p[pi] == (byte)']')
            {
                break;
            }
            else if (p.Length - pi >= 3 && p[pi + 1] == (byte)'-')
            {
                byte start = Math.Min(p[pi], p[pi + 2]), end = Math.Max(p[pi], p[pi + 2]);
                if (c >= start && c <= end) match = true;
                pi += 2;
            }
            else if (p[pi] == c)
            {
                match = true;
            }
            pi++;
        }
        return negate ? !match : match;
    }
}
