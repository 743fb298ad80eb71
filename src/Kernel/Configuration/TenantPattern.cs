using System.Text;
using System.Text.RegularExpressions;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// The tenant regex is written in Python syntax for compatibility with the seed's config
/// files; .NET spells named groups <c>(?&lt;name&gt;…)</c> instead of <c>(?P&lt;name&gt;…)</c>.
/// </summary>
public static class TenantPattern
{
    public const string TenantGroup = "tenant";

    /// <summary>Rewrites Python named groups and compiles; throws <see cref="ArgumentException"/> on bad syntax.</summary>
    public static Regex CompileTenantRegex(string pattern) =>
        new(RewritePythonNamedGroups(pattern), RegexOptions.CultureInvariant);

    /// <summary>The tenant id the regex extracts from a user name, or null when it does not match.</summary>
    public static string? ExtractTenant(Regex regex, string userName)
    {
        var group = regex.Match(userName).Groups[TenantGroup];
        return group.Success ? group.Value : null;
    }

    private static string RewritePythonNamedGroups(string pattern)
    {
        var result = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            // An escaped character is copied as is, so a literal "\(?P<" is left alone.
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                result.Append(pattern, i, 2);
                i++;
                continue;
            }

            if (string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                result.Append("(?<");
                i += 3;
                continue;
            }

            result.Append(pattern[i]);
        }

        return result.ToString();
    }
}
