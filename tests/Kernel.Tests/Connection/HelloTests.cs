using System.Text.RegularExpressions;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>HELLO: RESP2 only, AUTH and SETNAME options, and its error texts.</summary>
public partial class HelloTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    [GeneratedRegex(@"^\*14\r\n\$6\r\nserver\r\n\$5\r\nredis\r\n\$7\r\nversion\r\n\$5\r\n7\.0\.0\r\n\$5\r\nproto\r\n:2\r\n" +
                    @"\$2\r\nid\r\n:\d+\r\n\$4\r\nmode\r\n\$10\r\nstandalone\r\n\$4\r\nrole\r\n\$6\r\nmaster\r\n\$7\r\nmodules\r\n\*0\r\n$")]
    private static partial Regex HelloReply();

    [Fact]
    public async Task Hello_before_auth_says_how_to_authenticate()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH " +
                     "<user> <pass> option can be used to authenticate the client and select the RESP protocol version at the " +
                     "same time\r\n", await client.CommandAsync("HELLO"));
        Assert.StartsWith("-NOAUTH HELLO", await client.CommandAsync("HELLO", "2"));
    }

    [Fact]
    public async Task Hello_2_with_auth_and_setname_authenticates_and_describes_the_server()
    {
        using var client = new RawRespClient(fixture.Port);
        var reply = await client.CommandAsync("HELLO", "2", "AUTH", ProxyFixture.UserA, ProxyFixture.Password, "SETNAME", "x");
        Assert.Matches(HelloReply(), reply);
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Hello_without_arguments_when_authenticated_describes_the_server()
    {
        using var client = await fixture.RawAsync();
        Assert.Matches(HelloReply(), await client.CommandAsync("HELLO"));
    }

    [Fact]
    public async Task Each_connection_has_its_own_id()
    {
        using var first = await fixture.RawAsync();
        using var second = await fixture.RawAsync();
        Assert.NotEqual(Id(await first.CommandAsync("HELLO")), Id(await second.CommandAsync("HELLO")));
    }

    [Fact]
    public async Task Hello_with_a_wrong_password_is_wrongpass()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-WRONGPASS invalid username-password pair or user is disabled.\r\n",
            await client.CommandAsync("HELLO", "2", "AUTH", ProxyFixture.UserA, "nope"));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("1")]
    public async Task Other_protocol_versions_are_noproto(string version)
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-NOPROTO sorry, this protocol version is not supported.\r\n", await client.CommandAsync("HELLO", version));
    }

    [Fact]
    public async Task A_version_that_is_not_a_number_is_an_error()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR Protocol version is not an integer or out of range\r\n", await client.CommandAsync("HELLO", "abc"));
    }

    [Fact]
    public async Task Bad_options_and_names_are_errors()
    {
        using var client = await fixture.RawAsync();
        Assert.Equal("-ERR Syntax error in HELLO option 'bogus'\r\n", await client.CommandAsync("HELLO", "2", "bogus"));
        Assert.Equal("-ERR Syntax error in HELLO option 'AUTH'\r\n", await client.CommandAsync("HELLO", "2", "AUTH", "only-user"));
        Assert.Equal("-ERR Client names cannot contain spaces, newlines or special characters.\r\n",
            await client.CommandAsync("HELLO", "2", "SETNAME", "a b"));
    }

    private static string Id(string helloReply) => Regex.Match(helloReply, @"\$2\r\nid\r\n:(\d+)\r\n").Groups[1].Value;
}
