using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.Kernel.Tests.Keyspace.KeyspaceFixture;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT with NX/XX/GT/LT; TTL, PTTL, EXPIRETIME, PEXPIRETIME; PERSIST.</summary>
[Collection(KeyspaceCollection.Name)]
public class ExpiryTests(KeyspaceFixture fixture)
{
    private static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static long Integer(string reply)
    {
        Assert.StartsWith(":", reply);
        return long.Parse(reply[1..^2]);
    }

    private async Task<(RawRespClient Raw, string Key)> StringKeyAsync()
    {
        var raw = await fixture.RawAsync();
        var key = ProxyFixture.Key();
        Assert.Equal("+OK\r\n", await raw.CallAsync("SET", key, "v"));
        return (raw, key);
    }

    [Fact]
    public async Task Expire_and_pexpire_set_a_relative_ttl()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", k, "100"));
        Assert.Equal(":100\r\n", await raw.CallAsync("TTL", k)); // rounded to the nearest second
        Assert.InRange(Integer(await raw.CallAsync("PTTL", k)), 90_000, 100_000);
        Assert.Equal(":1\r\n", await raw.CallAsync("PEXPIRE", k, "50000"));
        Assert.InRange(Integer(await raw.CallAsync("PTTL", k)), 40_000, 50_000);
        Assert.Equal(":50\r\n", await raw.CallAsync("TTL", k));
    }

    [Fact]
    public async Task Expireat_and_pexpireat_set_an_absolute_time_that_expiretime_reports()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        long seconds = NowMs / 1000 + 1000;
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIREAT", k, seconds.ToString()));
        Assert.Equal($":{seconds}\r\n", await raw.CallAsync("EXPIRETIME", k));
        Assert.Equal($":{seconds * 1000}\r\n", await raw.CallAsync("PEXPIRETIME", k));

        long ms = NowMs + 2_000_400;
        Assert.Equal(":1\r\n", await raw.CallAsync("PEXPIREAT", k, ms.ToString()));
        Assert.Equal($":{ms}\r\n", await raw.CallAsync("PEXPIRETIME", k));
        Assert.Equal($":{(ms + 500) / 1000}\r\n", await raw.CallAsync("EXPIRETIME", k));
    }

    [Fact]
    public async Task Missing_and_persistent_keys_report_minus_two_and_minus_one()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        var missing = ProxyFixture.Key("missing");
        foreach (var command in new[] { "TTL", "PTTL", "EXPIRETIME", "PEXPIRETIME" })
        {
            Assert.Equal(":-2\r\n", await raw.CallAsync(command, missing));
            Assert.Equal(":-1\r\n", await raw.CallAsync(command, k));
        }
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", missing, "10"));
        Assert.Equal(":0\r\n", await raw.CallAsync("PEXPIREAT", missing, "10"));
        Assert.Equal(":0\r\n", await raw.CallAsync("PERSIST", missing));
        Assert.Equal(":0\r\n", await raw.CallAsync("PERSIST", k));
    }

    [Fact]
    public async Task Persist_removes_the_expiry()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        await raw.CallAsync("EXPIRE", k, "100");
        Assert.Equal(":1\r\n", await raw.CallAsync("PERSIST", k));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", k));
        Assert.Null(fixture.Row(TenantA, 0, Bytes(k))!.Value.ExpiresAt);
        Assert.Equal(":0\r\n", await raw.CallAsync("PERSIST", k));
    }

    [Theory]
    [InlineData("EXPIRE", "-1")]
    [InlineData("EXPIRE", "0")]
    [InlineData("PEXPIRE", "-5000")]
    [InlineData("EXPIREAT", "0")]
    [InlineData("EXPIREAT", "1")]
    [InlineData("PEXPIREAT", "1")]
    public async Task A_time_in_the_past_deletes_the_key_and_answers_one(string command, string when)
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal(":1\r\n", await raw.CallAsync(command, k, when));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", k));
        Assert.Null(fixture.Row(TenantA, 0, Bytes(k)));
    }

    [Fact]
    public async Task Nx_and_xx_depend_on_whether_the_key_has_an_expiry()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "100", "XX"));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", k, "100", "NX"));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "200", "nx"));
        Assert.Equal(":100\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", k, "200", "xx"));
        Assert.Equal(":200\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "-1", "NX")); // the option is checked before deleting
        Assert.Equal(":1\r\n", await raw.CallAsync("EXISTS", k));
    }

    [Fact]
    public async Task Gt_and_lt_treat_a_persistent_key_as_infinite()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "100", "GT"));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "100", "XX", "LT"));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", k, "100", "LT"));
        Assert.Equal(":100\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "50", "GT"));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", k, "300", "GT", "XX"));
        Assert.Equal(":300\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "400", "LT"));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", k, "200", "LT", "XX"));
        Assert.Equal(":200\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "-1", "GT"));
        Assert.Equal(":1\r\n", await raw.CallAsync("EXISTS", k));
        Assert.Equal(":1\r\n", await raw.CallAsync("PEXPIRE", k, "-1", "LT"));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXISTS", k));
    }

    [Theory]
    [InlineData("-ERR NX and XX, GT or LT options at the same time are not compatible", "NX", "XX")]
    [InlineData("-ERR NX and XX, GT or LT options at the same time are not compatible", "GT", "NX")]
    [InlineData("-ERR NX and XX, GT or LT options at the same time are not compatible", "nx", "lt")]
    [InlineData("-ERR GT and LT options at the same time are not compatible", "GT", "LT")]
    [InlineData("-ERR GT and LT options at the same time are not compatible", "XX", "GT", "LT")]
    [InlineData("-ERR Unsupported option FOO", "FOO")]
    [InlineData("-ERR Unsupported option ex", "NX", "ex")]
    public async Task Incompatible_or_unknown_options_are_refused(string error, params string[] options)
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        foreach (var command in new[] { "EXPIRE", "PEXPIRE", "EXPIREAT", "PEXPIREAT" })
            Assert.Equal(error + "\r\n", await raw.CallAsync([command, k, "100", .. options]));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", k));
    }

    [Theory]
    [InlineData("EXPIRE", "9223372036854775807")]
    [InlineData("EXPIRE", "-9223372036854775808")]
    [InlineData("EXPIRE", "9223372036854775")]
    [InlineData("PEXPIRE", "9223372036854775807")]
    [InlineData("EXPIREAT", "9223372036854776")]
    public async Task Overflowing_times_are_invalid_expire_times(string command, string when)
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal($"-ERR invalid expire time in '{command.ToLowerInvariant()}' command\r\n", await raw.CallAsync(command, k, when));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", k));
    }

    [Fact]
    public async Task Pexpireat_accepts_the_largest_time()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal(":1\r\n", await raw.CallAsync("PEXPIREAT", k, "9223372036854775807"));
        Assert.Equal(":9223372036854775807\r\n", await raw.CallAsync("PEXPIRETIME", k));
    }

    [Fact]
    public async Task Non_integer_times_are_refused_after_the_options()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CallAsync("EXPIRE", k, "1.5"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await raw.CallAsync("PEXPIRE", k, " 10"));
        Assert.Equal("-ERR Unsupported option BAD\r\n", await raw.CallAsync("EXPIRE", k, "abc", "BAD"));
    }

    [Fact]
    public async Task An_expired_key_has_no_ttl_and_cannot_be_given_one()
    {
        var (raw, k) = await StringKeyAsync();
        using var _ = raw;
        await fixture.ExpireSoonAsync(raw, Bytes(k));
        Assert.Equal(":-2\r\n", await raw.CallAsync("TTL", k));
        Assert.Equal(":-2\r\n", await raw.CallAsync("PTTL", k));
        Assert.Equal(":-2\r\n", await raw.CallAsync("EXPIRETIME", k));
        Assert.Equal(":-2\r\n", await raw.CallAsync("PEXPIRETIME", k));
        Assert.Equal(":0\r\n", await raw.CallAsync("EXPIRE", k, "100"));
        Assert.Equal(":0\r\n", await raw.CallAsync("PEXPIRE", k, "-1"));
        Assert.Equal(":0\r\n", await raw.CallAsync("PERSIST", k));
        Assert.Equal(":-2\r\n", await raw.CallAsync("TTL", k));
    }

    [Fact]
    public async Task Binary_keys_get_their_own_expiry()
    {
        using var raw = await fixture.RawAsync();
        var id = Guid.NewGuid().ToString("N");
        string a = $"\0{id}\r\n", b = $"\xff{id}";
        await raw.CallAsync("SET", a, "v");
        await raw.CallAsync("SET", b, "v");
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", a, "100"));
        Assert.Equal(":100\r\n", await raw.CallAsync("TTL", a));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", b));
        Assert.Equal(":1\r\n", await raw.CallAsync("PERSIST", a));
        Assert.Equal(":-1\r\n", await raw.CallAsync("TTL", a));
    }

    [Fact]
    public async Task Another_tenant_cannot_see_or_change_the_expiry()
    {
        var (a, k) = await StringKeyAsync();
        using var _ = a;
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        await a.CallAsync("EXPIRE", k, "100");
        Assert.Equal(":-2\r\n", await b.CallAsync("TTL", k));
        Assert.Equal(":-2\r\n", await b.CallAsync("PEXPIRETIME", k));
        Assert.Equal(":0\r\n", await b.CallAsync("PERSIST", k));
        Assert.Equal(":0\r\n", await b.CallAsync("EXPIRE", k, "-1"));
        Assert.Equal(":100\r\n", await a.CallAsync("TTL", k));
    }

    [Fact]
    public async Task Expiry_works_on_keys_of_any_type()
    {
        using var raw = await fixture.RawAsync();
        var h = ProxyFixture.Key("hash");
        fixture.InsertRow(TenantA, 0, Bytes(h), 2);
        Assert.Equal(":1\r\n", await raw.CallAsync("EXPIRE", h, "100"));
        Assert.Equal(":100\r\n", await raw.CallAsync("TTL", h));
        Assert.Equal("+hash\r\n", await raw.CallAsync("TYPE", h));
    }

    [Fact]
    public async Task A_pipeline_of_exists_type_and_ttl_reads_answers_each_in_order()
    {
        using var raw = await fixture.RawAsync();
        string persistent = ProxyFixture.Key("p"), expiring = ProxyFixture.Key("e"), missing = ProxyFixture.Key("m"),
            expired = ProxyFixture.Key("x"), set = ProxyFixture.Key("s");
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", persistent, "v"));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", expiring, "v", "PX", "100000"));
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", expired, "v", "PX", "1"));
        Assert.Equal(":1\r\n", await raw.CommandAsync("SADD", set, "member"));
        await Task.Delay(20);

        var pipeline = new[]
        {
            new[] { "EXISTS", persistent }, ["EXISTS", missing], ["EXISTS", persistent, expiring, missing, persistent], ["TOUCH", expired],
            ["TYPE", persistent], ["TYPE", set], ["TYPE", missing], ["TYPE", expired],
            ["TTL", persistent], ["TTL", expiring], ["PTTL", missing], ["EXPIRETIME", persistent], ["TTL", expired],
        };
        raw.Send(pipeline.SelectMany(RawRespClient.Command).ToArray());
        var replies = new List<string>();
        for (int i = 0; i < pipeline.Length; i++) replies.Add(await raw.ReadReplyAsync());
        Assert.Equal(new[] { ":1\r\n", ":0\r\n", ":3\r\n", ":0\r\n", "+string\r\n", "+set\r\n", "+none\r\n", "+none\r\n" },
            replies.Take(8));
        Assert.Equal(":-1\r\n", replies[8]);
        Assert.InRange(Integer(replies[9]), 99, 100);
        Assert.Equal(new[] { ":-2\r\n", ":-1\r\n", ":-2\r\n" }, replies.Skip(10));
    }
}
