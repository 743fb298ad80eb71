using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Kernel.Tests.Keyspace;

/// <summary>redis-cli's own keyspace features (--scan, TTL, TYPE) work against the proxy.</summary>
[Collection(KeyspaceCollection.Name)]
public class RedisCliKeyspaceTests(KeyspaceFixture fixture)
{
    private Task<string> CliAsync(params string[] args) =>
        RedisCli.RunRawAsync(fixture.Port, [.. RedisCli.AuthArgs(ProxyFixture.UserA, ProxyFixture.Password), "-n", "1", .. args]);

    [Fact]
    public async Task Redis_cli_scan_lists_the_matching_keys()
    {
        fixture.ClearDb(KeyspaceFixture.TenantA, 1);
        fixture.InsertStrings(KeyspaceFixture.TenantA, 1, Enumerable.Range(0, 25).Select(i => KeyspaceFixture.Bytes($"cli:{i}")));
        fixture.InsertStrings(KeyspaceFixture.TenantA, 1, [KeyspaceFixture.Bytes("other")]);

        var listed = (await CliAsync("--scan", "--pattern", "cli:*")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"cli:{i}").Order(), listed.Order());
    }

    [Fact]
    public async Task Redis_cli_sees_type_ttl_and_rename()
    {
        fixture.ClearDb(KeyspaceFixture.TenantA, 1);
        Assert.Equal("OK", (await CliAsync("SET", "k", "v")).Trim());
        Assert.Equal("1", (await CliAsync("EXPIRE", "k", "100")).Trim());
        // Each redis-cli is a process start: on a loaded machine more than half a second may pass, and TTL rounds.
        Assert.Contains((await CliAsync("TTL", "k")).Trim(), new[] { "100", "99" });
        Assert.Equal("string", (await CliAsync("TYPE", "k")).Trim());
        Assert.Equal("OK", (await CliAsync("RENAME", "k", "k2")).Trim());
        Assert.Equal("1", (await CliAsync("DBSIZE")).Trim());
        Assert.Equal("ERR no such key", (await CliAsync("RENAME", "k", "k3")).Trim());
    }
}
