using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Connection;

/// <summary>What an unauthenticated connection may do, and every form of AUTH.</summary>
public class AuthTests(ProxyFixture fixture) : IClassFixture<ProxyFixture>
{
    private const string NoAuth = "-NOAUTH Authentication required.\r\n";

    [Theory]
    [InlineData("PING")]
    [InlineData("ECHO", "x")]
    [InlineData("SELECT", "1")]
    [InlineData("PING", "a", "b")]
    public async Task Commands_other_than_the_handshake_ones_need_auth(params string[] command)
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal(NoAuth, await client.CommandAsync(command));
    }

    [Fact]
    public async Task Unknown_commands_answer_unknown_before_auth()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n",
            await client.CommandAsync("FOO", "a", "b"));
        Assert.Equal("-ERR unknown command 'FOO', with args beginning with: \r\n", await client.CommandAsync("FOO"));
    }

    [Fact]
    public async Task Auth_with_user_and_password_unlocks_the_connection()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Auth_user_colon_password_splits_at_the_last_colon()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", $"{ProxyFixture.UserA}:{ProxyFixture.Password}"));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Wrong_password_is_wrongpass_in_both_forms_and_leaves_the_connection_locked()
    {
        using var client = new RawRespClient(fixture.Port);
        const string wrongPass = "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
        Assert.Equal(wrongPass, await client.CommandAsync("AUTH", ProxyFixture.UserA, "nope"));
        Assert.Equal(wrongPass, await client.CommandAsync("AUTH", $"{ProxyFixture.UserA}:nope"));
        Assert.Equal(wrongPass, await client.CommandAsync("AUTH", "nosuchuser", ProxyFixture.Password));
        Assert.Equal(NoAuth, await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Wrong_password_after_a_good_auth_keeps_the_previous_user()
    {
        using var client = await fixture.RawAsync();
        Assert.StartsWith("-WRONGPASS", await client.CommandAsync("AUTH", ProxyFixture.UserB, "nope"));
        Assert.Equal("+PONG\r\n", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Auth_arity_and_syntax_errors()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-ERR wrong number of arguments for 'auth' command\r\n", await client.CommandAsync("AUTH"));
        Assert.Equal("-ERR syntax error\r\n", await client.CommandAsync("AUTH", "a", "b", "c"));
    }

    [Fact]
    public async Task Auth_with_a_bare_password_and_no_default_user_is_redis_error()
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-ERR AUTH <password> called without any password configured for the default user. " +
                     "Are you sure your configuration is correct?\r\n", await client.CommandAsync("AUTH", "password"));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0xff, (byte)'\r', (byte)'\n' }, new byte[] { 0xfe })]
    [InlineData(new byte[] { (byte)'t', (byte)':', (byte)'u' }, new byte[] { 0xfe, 0 })]
    [InlineData(new byte[] { 0xfe, (byte)':', (byte)'a' }, new byte[] { 0xfe, (byte)';', (byte)'=' })]
    public async Task Auth_with_binary_credentials_is_wrongpass_and_the_connection_stays_usable(byte[] user, byte[] password)
    {
        using var client = new RawRespClient(fixture.Port);
        Assert.Equal("-WRONGPASS invalid username-password pair or user is disabled.\r\n",
            await client.CommandAsync("AUTH"u8.ToArray(), user, password));
        Assert.Equal("+OK\r\n", await client.CommandAsync("AUTH", ProxyFixture.UserA, ProxyFixture.Password));
    }

    [Fact]
    public async Task Redis_cli_authenticates_with_user_and_password()
    {
        var output = await RedisCli.RunAsync(fixture.Port,
            [.. RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password), "PING"]);
        Assert.Equal("PONG", output.Trim());
        Assert.Contains("NOAUTH Authentication required.", await RedisCli.RunAsync(fixture.Port, "PING"));
    }

    [Fact]
    public async Task StackExchange_redis_connects_and_pings()
    {
        await using var redis = await fixture.ConnectAsync(ProxyFixture.UserB);
        var db = redis.GetDatabase();
        Assert.True(await db.PingAsync() >= TimeSpan.Zero);
        Assert.Equal("hi", (string?)await db.ExecuteAsync("ECHO", "hi"));
    }
}
