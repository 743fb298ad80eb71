using System.Diagnostics;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.BlockedClients;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.SortedSets.Tests;

/// <summary>BZPOPMIN, BZPOPMAX and BZMPOP: woken by a ZADD on this proxy or another one, timeouts, other types.</summary>
[Collection(SortedSetsCollection.Name)]
public class BlockingTests(SortedSetsFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private ProxyProcess _second = null!;

    public async Task InitializeAsync() => _second = await ProxyProcess.StartAsync(fixture.Database);

    public async Task DisposeAsync() => await _second.DisposeAsync();

    [Fact]
    public async Task A_blocked_bzpopmin_is_woken_by_a_zadd_on_another_connection()
    {
        using var blocked = await fixture.RawAsync();
        using var writer = await fixture.RawAsync();
        var k = ProxyFixture.Key("q");
        blocked.Send(RawRespClient.Command("BZPOPMIN", "missing:" + k, k, "0"));
        await WaitUntilBlockedAsync(writer, 1);
        Assert.Equal(Int(2), await writer.CommandAsync("ZADD", k, "2", "later", "1", "first"));
        Assert.Equal(Array(k, "first", "1"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Array("later"), await writer.CommandAsync("ZRANGE", k, "0", "-1"));
    }

    [Fact]
    public async Task Bzpopmin_on_one_proxy_wakes_when_the_other_proxy_runs_zadd()
    {
        using var blocked = await fixture.RawAsync();
        using var control = await fixture.RawAsync();
        using var writer = await RawRespClient.ConnectAuthenticatedAsync(_second.Port, ProxyFixture.UserA, ProxyFixture.Password);
        var k = ProxyFixture.Key("x");
        blocked.Send(RawRespClient.Command("BZPOPMAX", k, "0"));
        await WaitUntilBlockedAsync(control, 1);
        var clock = Stopwatch.StartNew();
        await writer.CommandAsync("ZADD", k, "1", "low", "9", "high");
        Assert.Equal(Array(k, "high", "9"), await blocked.ReadReplyAsync(Wait));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"woken after {clock.Elapsed}");

        blocked.Send(RawRespClient.Command("BZMPOP", "0", "1", k + ":2", "MIN", "COUNT", "5"));
        await WaitUntilBlockedAsync(control, 1);
        await writer.CommandAsync("ZADD", k + ":2", "3", "c", "1.5", "a");
        Assert.Equal($"*2\r\n{Bulk(k + ":2")}*2\r\n{Array("a", "1.5")}{Array("c", "3")}", await blocked.ReadReplyAsync(Wait));
    }

    [Fact]
    public async Task Another_tenants_zadd_does_not_wake_the_client()
    {
        var k = ProxyFixture.Key("t");
        using var blockedB = await fixture.RawAsync(ProxyFixture.UserB);
        using var control = await fixture.RawAsync();
        using var writerA = await RawRespClient.ConnectAuthenticatedAsync(_second.Port, ProxyFixture.UserA, ProxyFixture.Password);
        blockedB.Send(RawRespClient.Command("BZPOPMIN", k, "0"));
        await WaitUntilBlockedAsync(control, 1);
        await writerA.CommandAsync("ZADD", k, "1", "for A");
        await Task.Delay(500);
        Assert.Empty(await blockedB.ReadAvailableAsync(TimeSpan.FromMilliseconds(50)));
        using var writerB = await RawRespClient.ConnectAuthenticatedAsync(_second.Port, ProxyFixture.UserB, ProxyFixture.Password);
        await writerB.CommandAsync("ZADD", k, "2", "for B");
        Assert.Equal(Array(k, "for B", "2"), await blockedB.ReadReplyAsync(Wait));
    }

    [Fact]
    public async Task A_timeout_answers_a_null_array()
    {
        using var raw = await fixture.RawAsync();
        var clock = Stopwatch.StartNew();
        Assert.Equal(NilArray, await raw.CommandAsync("BZPOPMIN", ProxyFixture.Key("none"), "0.5"));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.45, 5);
        Assert.Equal(NilArray, await raw.CommandAsync("BZMPOP", "0.2", "1", ProxyFixture.Key("none"), "MAX"));
    }

    [Fact]
    public async Task A_key_of_another_type_is_wrongtype_at_first_and_skipped_once_blocked()
    {
        using var blocked = await fixture.RawAsync();
        using var writer = await fixture.RawAsync();
        string str = ProxyFixture.Key("s"), k = ProxyFixture.Key("z");
        await writer.CommandAsync("SET", str, "v");
        Assert.Equal(WrongType, await blocked.CommandAsync("BZPOPMIN", k, str, "0"));
        await writer.CommandAsync("DEL", str);
        blocked.Send(RawRespClient.Command("BZPOPMIN", str, k, "0"));
        await WaitUntilBlockedAsync(writer, 1);
        await writer.CommandAsync("SET", str, "v");
        await writer.CommandAsync("ZADD", k, "1", "m");
        Assert.Equal(Array(k, "m", "1"), await blocked.ReadReplyAsync(Wait));
    }
}
