using System.Text;
using RedisOnMySql.Kernel.Families.Keyspace;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>Redis's stringmatchlen semantics; strings are Latin-1 so "\xff" is the byte 0xFF.</summary>
public class GlobPatternTests
{
    private static byte[] Bytes(string latin1) => Encoding.Latin1.GetBytes(latin1);

    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("a", "", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("**", "", false)] // only a lone * is Redis's match-all shortcut
    [InlineData("hello", "hello", true)]
    [InlineData("hello", "hell", false)]
    [InlineData("hello", "Hello", false)]
    [InlineData("h?llo", "hello", true)]
    [InlineData("h?llo", "hllo", false)]
    [InlineData("?", "", false)]
    [InlineData("h*llo", "hllo", true)]
    [InlineData("h*llo", "heeeello", true)]
    [InlineData("h*llo", "hellox", false)]
    [InlineData("a*", "a", true)]
    [InlineData("*a", "a", true)]
    [InlineData("a**b", "ab", true)]
    [InlineData("*a*b", "xxaxxb", true)]
    [InlineData("*a*b", "xxbxxa", false)]
    [InlineData("h[ae]llo", "hello", true)]
    [InlineData("h[ae]llo", "hallo", true)]
    [InlineData("h[ae]llo", "hillo", false)]
    [InlineData("h[^e]llo", "hallo", true)]
    [InlineData("h[^e]llo", "hello", false)]
    [InlineData("h[a-b]llo", "hbllo", true)]
    [InlineData("h[a-b]llo", "hcllo", false)]
    [InlineData("h[b-a]llo", "hallo", true)] // reversed range
    [InlineData("[a-c-e]", "e", true)] // range a-c, then '-', then 'e'
    [InlineData("[a-c-e]", "d", false)]
    [InlineData("[]]", "]", false)] // ']' right after '[' closes an empty class
    [InlineData("[\\]]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[a-]", "]", true)] // "a-]" is read as the range ']'..'a'
    [InlineData("[a-]", "-", false)]
    [InlineData("[abc", "b", true)] // unterminated class ends with the pattern
    [InlineData("[abc", "d", false)]
    [InlineData("[", "a", false)]
    [InlineData("[^", "a", true)]
    [InlineData("h\\*llo", "h*llo", true)]
    [InlineData("h\\*llo", "hello", false)]
    [InlineData("\\?", "?", true)]
    [InlineData("\\?", "a", false)]
    [InlineData("\\[a]", "[a]", true)]
    [InlineData("a\\", "a\\", true)] // a trailing backslash is literal
    [InlineData("\\\\", "\\", true)]
    [InlineData("\0*", "\0x", true)]
    [InlineData("*\r\n", "line\r\n", true)]
    [InlineData("\xff?", "\xff\0", true)]
    [InlineData("[\0-\x10]", "\x05", true)]
    [InlineData("[\x80-\xff]", "\xc0", true)] // bytes compare unsigned
    [InlineData("[\x80-\xff]", "a", false)]
    [InlineData("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void Matches_like_redis(string pattern, string key, bool expected) =>
        Assert.Equal(expected, new GlobPattern(Bytes(pattern)).IsMatch(Bytes(key)));

    [Fact]
    public void A_pattern_nesting_more_than_1000_stars_matches_nothing_instead_of_overflowing_the_stack()
    {
        var pattern = new GlobPattern(Bytes(string.Concat(Enumerable.Repeat("*a", 1200))));
        Assert.False(pattern.IsMatch(Bytes(new string('a', 1200))));
        Assert.True(new GlobPattern(Bytes(string.Concat(Enumerable.Repeat("*a", 900)))).IsMatch(Bytes(new string('a', 900))));
    }

    [Theory]
    [InlineData("abc*", "abc")]
    [InlineData("abc", "abc")]
    [InlineData("*abc", "")]
    [InlineData("ab?c", "ab")]
    [InlineData("ab[c]", "ab")]
    [InlineData("a\\*b*", "a*b")]
    [InlineData("ab\\", "ab\\")]
    [InlineData("\xff\0*", "\xff\0")]
    public void Literal_prefix_stops_at_the_first_wildcard(string pattern, string prefix) =>
        Assert.Equal(Bytes(prefix), new GlobPattern(Bytes(pattern)).LiteralPrefix);

    [Theory]
    [InlineData("ab", "ac")]
    [InlineData("a\xff", "b")]
    [InlineData("a\xff\xff", "b")]
    [InlineData("\0", "\x01")]
    public void Prefix_upper_bound_is_the_next_key_after_every_key_with_the_prefix(string prefix, string bound) =>
        Assert.Equal(Bytes(bound), KeyPrefixRange.UpperBound(Bytes(prefix)));

    [Theory]
    [InlineData("")]
    [InlineData("\xff")]
    [InlineData("\xff\xff")]
    public void A_prefix_of_0xff_bytes_has_no_upper_bound(string prefix) =>
        Assert.Null(KeyPrefixRange.UpperBound(Bytes(prefix)));
}
