using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

public class TenantPatternTests
{
    [Fact]
    public void Python_style_default_regex_extracts_the_tenant()
    {
        var regex = TenantPattern.CompileTenantRegex(new AuthOptions().TenantRegex);

        Assert.Equal("tenantA", TenantPattern.ExtractTenant(regex, "tenantA:alice"));
        Assert.Null(TenantPattern.ExtractTenant(regex, "alice"));
    }

    [Fact]
    public void Dotnet_style_named_group_is_accepted_too()
    {
        var regex = TenantPattern.CompileTenantRegex("^(?<tenant>[^@]+)@");

        Assert.Equal("acme", TenantPattern.ExtractTenant(regex, "acme@bob"));
    }

    [Fact]
    public void Escaped_parenthesis_is_not_rewritten()
    {
        var regex = TenantPattern.CompileTenantRegex(@"^\(?P<(?P<tenant>\w+)>");

        Assert.Equal("x", TenantPattern.ExtractTenant(regex, "(P<x>"));
        Assert.Equal("y", TenantPattern.ExtractTenant(regex, "P<y>"));
    }

    [Fact]
    public void Invalid_regex_throws_argument_exception()
    {
        Assert.ThrowsAny<ArgumentException>(() => TenantPattern.CompileTenantRegex("(?P<tenant>"));
    }

    [Theory]
    [InlineData("reject", TenantNoMatchAction.Reject, null)]
    [InlineData("username", TenantNoMatchAction.Username, null)]
    [InlineData("literal:shared", TenantNoMatchAction.Literal, "shared")]
    [InlineData("literal:a:b", TenantNoMatchAction.Literal, "a:b")]
    public void No_match_policy_parses(string text, TenantNoMatchAction action, string? literal)
    {
        Assert.Equal(new TenantNoMatchPolicy(action, literal), TenantNoMatchPolicy.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Reject")]
    [InlineData("literal:")]
    [InlineData("literal")]
    public void No_match_policy_rejects_anything_else(string text)
    {
        Assert.False(TenantNoMatchPolicy.TryParse(text, out _));
    }
}
