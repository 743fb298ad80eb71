using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Tests.Server;

public class CaseInsensitiveGlobPatternTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("max*", "maxmemory-policy", true)]
    [InlineData("max*", "amax", false)]
    [InlineData("h?", "hz", true)]
    [InlineData("h?", "h", false)]
    [InlineData("*-*-*", "slowlog-log-slower-than", true)]
    [InlineData("[abc]z", "bz", true)]
    [InlineData("[^abc]z", "bz", false)]
    [InlineData("[^abc]z", "hz", true)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData("MAXMEMORY", "maxmemory", true)]
    public void Matches_like_redis_ignoring_case(string pattern, string text, bool expected) =>
        Assert.Equal(expected, GlobPattern.IsMatch(pattern, text));

    [Fact]
    public void Case_matters_by_default() => Assert.False(new GlobPattern("MAX*"u8.ToArray()).IsMatch("maxmemory"u8));
}
