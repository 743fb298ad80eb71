using System.Diagnostics;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.BlockedClients;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>
/// BLPOP, BRPOP, BLMPOP, BLMOVE and BRPOPLPUSH on one proxy: waking on a push, timeouts, first come first served,
/// CLIENT UNBLOCK, disconnects, tenants. Cross-proxy wake-ups are in <see cref="CrossProxyBlockingTests"/>.
/// </summary>
[Collection(ListsCollection.Name)]
public class BlockingTests(ListsFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Blpop_on_a_non_empty_list_answers_at_once_like_lpop()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("l");
        await raw.CommandAsync("RPUSH", k, "a", "b");
        Assert.Equal(Array(k, "a"), await raw.CommandAsync("BLPOP", "missing:" + k, k, "0"));
        Assert.Equal(Array(k, "b"), await raw.CommandAsync("BRPOP", k, "0"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task A_blocked_blpop_is_woken_by_a_push_on_another_connection()
    {
        using var blocked = await fixture.RawAsync();
        using var pusher = await fixture.RawAsync();
        var k = ProxyFixture.Key("q");
        blocked.Send(RawRespClient.Command("BLPOP", k, "0"));
        await WaitUntilBlockedAsync(pusher, 1);
        Assert.Equal(Int(1), await pusher.CommandAsync("RPUSH", k, "job"));
        Assert.Equal(Array(k, "job"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Int(0), await pusher.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Binary_keys_and_elements_come_back_exactly()
    {
        using var blocked = await fixture.RawAsync();
        using var pusher = await fixture.RawAsync();
        byte[] key = [.. "bin:"u8.ToArray(), 0, 13, 10, 255, .. Guid.NewGuid().ToByteArray()];
        byte[] element = [0, 13, 10, 255, 1];
        blocked.Send(RawRespClient.Command(Args("BRPOP", key, "0")));
        await WaitUntilBlockedAsync(pusher, 1);
        await pusher.CommandBytesAsync(Args("LPUSH", key, element));
        byte[] expected = [.. "*2\r\n"u8.ToArray(), .. BulkBytes(key), .. BulkBytes(element)];
        Assert.Equal(expected, await blocked.ReadReplyBytesAsync(Wait));
    }

    [Fact]
    public async Task A_timeout_answers_a_null_array_after_about_that_long()
    {
        using var raw = await fixture.RawAsync();
        var clock = Stopwatch.StartNew();
        Assert.Equal("*-1\r\n", await raw.CommandAsync("BLPOP", ProxyFixture.Key("none"), "1"));
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 5);
        Assert.Equal("*-1\r\n", await raw.CommandAsync("BLMOVE", ProxyFixture.Key("none"), "d", "LEFT", "LEFT", "0.2"));
        Assert.Equal("*-1\r\n", await raw.CommandAsync("BLMPOP", "0.2", "1", ProxyFixture.Key("none"), "LEFT"));
        Assert.Equal("+PONG\r\n", await raw.CommandAsync("PING"));
    }

    [Fact]
    public async Task Clients_blocked_on_one_key_are_served_first_come_first_served()
    {
        var k = ProxyFixture.Key("fifo");
        using var pusher = await fixture.RawAsync();
        var clients = new List<RawRespClient>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                var client = await fixture.RawAsync();
                clients.Add(client);
                client.Send(RawRespClient.Command("BLPOP", k, "0"));
                await WaitUntilBlockedAsync(pusher, i + 1);
            }
            Assert.Equal(Int(3), await pusher.CommandAsync("RPUSH", k, "first", "second", "third"));
            Assert.Equal(Array(k, "first"), await clients[0].ReadReplyAsync(Wait));
            Assert.Equal(Array(k, "second"), await clients[1].ReadReplyAsync(Wait));
            Assert.Equal(Array(k, "third"), await clients[2].ReadReplyAsync(Wait));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task One_element_goes_to_exactly_one_of_many_blocked_clients()
    {
        var k = ProxyFixture.Key("one");
        using var pusher = await fixture.RawAsync();
        var clients = new List<RawRespClient>();
        try
        {
            for (int i = 0; i < 5; i++)
            {
                var client = await fixture.RawAsync();
                clients.Add(client);
                client.Send(RawRespClient.Command("BLPOP", k, "0"));
                // One at a time: connections run concurrently, so only a client already blocked is surely ahead of the next.
                await WaitUntilBlockedAsync(pusher, i + 1);
            }
            await pusher.CommandAsync("LPUSH", k, "only");
            Assert.Equal(Array(k, "only"), await clients[0].ReadReplyAsync(Wait));
            await Task.Delay(300);
            foreach (var other in clients.Skip(1)) Assert.Empty(await other.ReadAvailableAsync(TimeSpan.FromMilliseconds(50)));
            Assert.Equal(Int(4), await BlockedClientsAsync(pusher));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
        await WaitUntilBlockedAsync(pusher, 0);
    }

    [Fact]
    public async Task A_client_that_disconnected_while_blocked_leaves_the_element_in_the_list()
    {
        var k = ProxyFixture.Key("gone");
        using var pusher = await fixture.RawAsync();
        var leaving = await fixture.RawAsync();
        leaving.Send(RawRespClient.Command("BLPOP", k, "0"));
        await WaitUntilBlockedAsync(pusher, 1);
        leaving.Dispose();
        await WaitUntilBlockedAsync(pusher, 0);
        await pusher.CommandAsync("RPUSH", k, "kept");
        await Task.Delay(200);
        Assert.Equal(Array("kept"), await pusher.CommandAsync("LRANGE", k, "0", "-1"));
    }

    [Fact]
    public async Task Client_unblock_answers_as_timeout_or_with_the_unblocked_error()
    {
        using var control = await fixture.RawAsync();
        using var blocked = await fixture.RawAsync();
        var id = (await blocked.CommandAsync("CLIENT", "ID")).Trim(':', '\r', '\n');
        Assert.Equal(Int(0), await control.CommandAsync("CLIENT", "UNBLOCK", id));

        blocked.Send(RawRespClient.Command("BRPOP", ProxyFixture.Key("u"), "0"));
        await WaitUntilBlockedAsync(control, 1);
        Assert.Contains($"id={id} ", await control.CommandAsync("CLIENT", "LIST"));
        Assert.Matches($"id={id} .* flags=b ", await control.CommandAsync("CLIENT", "LIST", "ID", id));
        Assert.Equal(Int(1), await control.CommandAsync("CLIENT", "UNBLOCK", id));
        Assert.Equal("*-1\r\n", await blocked.ReadReplyAsync(Wait));

        blocked.Send(RawRespClient.Command("BLMOVE", ProxyFixture.Key("u"), "d", "LEFT", "RIGHT", "0"));
        await WaitUntilBlockedAsync(control, 1);
        Assert.Equal(Int(1), await control.CommandAsync("CLIENT", "UNBLOCK", id, "error"));
        Assert.Equal("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n", await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Int(0), await control.CommandAsync("CLIENT", "UNBLOCK", id));
        Assert.Matches($"id={id} .* flags=N ", await control.CommandAsync("CLIENT", "LIST", "ID", id));
    }

    [Fact]
    public async Task Client_unblock_and_timeout_errors_are_redis_texts()
    {
        using var raw = await fixture.RawAsync();
        Assert.Equal(Error("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR"), await raw.CommandAsync("CLIENT", "UNBLOCK", "x", "later"));
        Assert.Equal(Error("ERR value is not an integer or out of range"), await raw.CommandAsync("CLIENT", "UNBLOCK", "x"));
        Assert.Equal(Error("ERR timeout is negative"), await raw.CommandAsync("BLPOP", "k", "-1"));
        Assert.Equal(Error("ERR timeout is negative"), await raw.CommandAsync("BLPOP", "k", "inf"));
        Assert.Equal(Error("ERR timeout is not a float or out of range"), await raw.CommandAsync("BRPOP", "k", "soon"));
        Assert.Equal(Error("ERR timeout is not a float or out of range"), await raw.CommandAsync("BLMOVE", "k", "d", "LEFT", "LEFT", "nan"));
        Assert.Equal(Error("ERR syntax error"), await raw.CommandAsync("BLMOVE", "k", "d", "UP", "LEFT", "x"));
        Assert.Equal(Error("ERR count should be greater than 0"), await raw.CommandAsync("BLMPOP", "x", "1", "k", "LEFT", "COUNT", "0"));
        Assert.Equal(Error("ERR wrong number of arguments for 'blpop' command"), await raw.CommandAsync("BLPOP", "k"));
    }

    [Fact]
    public async Task Blmove_moves_the_pushed_element_atomically_and_brpoplpush_too()
    {
        var source = ProxyFixture.Key("src");
        var destination = ProxyFixture.Key("dst");
        using var blocked = await fixture.RawAsync();
        using var pusher = await fixture.RawAsync();
        blocked.Send(RawRespClient.Command("BLMOVE", source, destination, "RIGHT", "LEFT", "0"));
        await WaitUntilBlockedAsync(pusher, 1);
        await pusher.CommandAsync("RPUSH", source, "x");
        Assert.Equal(Bulk("x"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Array("x"), await pusher.CommandAsync("LRANGE", destination, "0", "-1"));
        Assert.Equal(Int(0), await pusher.CommandAsync("EXISTS", source));

        blocked.Send(RawRespClient.Command("BRPOPLPUSH", source, destination, "0"));
        await WaitUntilBlockedAsync(pusher, 1);
        await pusher.CommandAsync("LPUSH", source, "y");
        Assert.Equal(Bulk("y"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Array("y", "x"), await pusher.CommandAsync("LRANGE", destination, "0", "-1"));
    }

    [Fact]
    public async Task Blmpop_takes_up_to_count_from_the_key_that_received_elements()
    {
        var first = ProxyFixture.Key("m1");
        var second = ProxyFixture.Key("m2");
        using var blocked = await fixture.RawAsync();
        using var pusher = await fixture.RawAsync();
        blocked.Send(RawRespClient.Command("BLMPOP", "0", "2", first, second, "RIGHT", "COUNT", "2"));
        await WaitUntilBlockedAsync(pusher, 1);
        await pusher.CommandAsync("RPUSH", second, "a", "b", "c");
        Assert.Equal($"*2\r\n{Bulk(second)}{Array("c", "b")}", await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Array("a"), await pusher.CommandAsync("LRANGE", second, "0", "-1"));
    }

    [Fact]
    public async Task A_blocked_client_woken_skips_keys_of_another_type()
    {
        var text = ProxyFixture.Key("str");
        var list = ProxyFixture.Key("lst");
        using var blocked = await fixture.RawAsync();
        using var pusher = await fixture.RawAsync();
        blocked.Send(RawRespClient.Command("BLPOP", text, list, "0"));
        await WaitUntilBlockedAsync(pusher, 1);
        await pusher.CommandAsync("SET", text, "now a string");
        await pusher.CommandAsync("RPUSH", list, "v");
        Assert.Equal(Array(list, "v"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(WrongType, await pusher.CommandAsync("BLPOP", text, list, "0"));
    }

    [Fact]
    public async Task Another_tenant_pushing_to_the_same_key_name_does_not_wake_the_client()
    {
        var k = ProxyFixture.Key("q");
        using var tenantB = await fixture.RawAsync(ProxyFixture.UserB);
        using var tenantA = await fixture.RawAsync();
        tenantB.Send(RawRespClient.Command("BLPOP", k, "0"));
        await WaitUntilBlockedAsync(tenantA, 1);
        await tenantA.CommandAsync("RPUSH", k, "for A");
        await Task.Delay(300);
        Assert.Empty(await tenantB.ReadAvailableAsync(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(Array("for A"), await tenantA.CommandAsync("LRANGE", k, "0", "-1"));
        using var pusherB = await fixture.RawAsync(ProxyFixture.UserB);
        await pusherB.CommandAsync("RPUSH", k, "for B");
        Assert.Equal(Array(k, "for B"), await tenantB.ReadReplyAsync(Wait));
    }

    [Fact]
    public async Task A_list_renamed_or_copied_onto_the_key_serves_the_blocked_client()
    {
        var k = ProxyFixture.Key("target");
        var source = ProxyFixture.Key("source");
        using var blocked = await fixture.RawAsync();
        using var other = await fixture.RawAsync();
        await other.CommandAsync("RPUSH", source, "renamed");
        blocked.Send(RawRespClient.Command("BLPOP", k, "0"));
        await WaitUntilBlockedAsync(other, 1);
        Assert.Equal(Ok, await other.CommandAsync("RENAME", source, k));
        Assert.Equal(Array(k, "renamed"), await blocked.ReadReplyAsync(Wait));

        await other.CommandAsync("RPUSH", source, "copied");
        blocked.Send(RawRespClient.Command("BRPOP", k, "0"));
        await WaitUntilBlockedAsync(other, 1);
        Assert.Equal(Int(1), await other.CommandAsync("COPY", source, k));
        Assert.Equal(Array(k, "copied"), await blocked.ReadReplyAsync(Wait));
        Assert.Equal(Array("copied"), await other.CommandAsync("LRANGE", source, "0", "-1"));
    }

    [Fact]
    public async Task Info_counts_blocked_clients()
    {
        using var control = await fixture.RawAsync();
        using var blocked = await fixture.RawAsync();
        blocked.Send(RawRespClient.Command("BLPOP", ProxyFixture.Key("i"), "0.5"));
        await WaitUntilBlockedAsync(control, 1);
        Assert.Equal("*-1\r\n", await blocked.ReadReplyAsync(Wait));
        await WaitUntilBlockedAsync(control, 0);
    }
}
