using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>The kernel's keyspace commands on lists: they move or drop the keyspace row, the elements follow its id.</summary>
[Collection(ListsCollection.Name)]
public class KeyspaceTests(ListsFixture fixture)
{
    [Fact]
    public async Task Type_and_scan_type_report_a_list()
    {
        using var raw = await fixture.RawAsync();
        string list = ProxyFixture.Key("scanlist"), text = ProxyFixture.Key("scanstring");
        await raw.CommandAsync("RPUSH", list, "a");
        await raw.CommandAsync("SET", text, "v");
        Assert.Equal("+list\r\n", await raw.CommandAsync("TYPE", list));
        var found = new List<string>();
        string cursor = "0";
        do
        {
            var lines = (await raw.CommandAsync("SCAN", cursor, "MATCH", "scan*", "COUNT", "1000", "TYPE", "list")).Split("\r\n");
            cursor = lines[2];
            for (int i = 5; i < lines.Length; i += 2) found.Add(lines[i]);
        } while (cursor != "0");
        Assert.Contains(list, found);
        Assert.DoesNotContain(text, found);
    }

    [Fact]
    public async Task Rename_carries_the_elements()
    {
        using var raw = await fixture.RawAsync();
        string src = ProxyFixture.Key("src"), dst = ProxyFixture.Key("dst");
        await raw.CommandAsync("RPUSH", src, "a", "b", "c");
        await raw.CommandAsync("RPUSH", dst, "old");
        Assert.Equal(Ok, await raw.CommandAsync("RENAME", src, dst));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", src));
        Assert.Equal(Array("a", "b", "c"), await raw.CommandAsync("LRANGE", dst, "0", "-1"));
        Assert.Equal(Int(4), await raw.CommandAsync("LPUSH", dst, "z"));
        Assert.Equal(Bulk("c"), await raw.CommandAsync("RPOP", dst));
    }

    [Fact]
    public async Task Copy_duplicates_the_elements_in_order_independently()
    {
        using var raw = await fixture.RawAsync();
        string src = ProxyFixture.Key("src"), dst = ProxyFixture.Key("dst");
        await raw.CommandAsync("RPUSH", src, "c", "d");
        await raw.CommandAsync("LPUSH", src, "b", "a");
        Assert.Equal(Int(1), await raw.CommandAsync("COPY", src, dst));
        Assert.Equal(Array("a", "b", "c", "d"), await raw.CommandAsync("LRANGE", dst, "0", "-1"));
        Assert.Equal(Int(4), await raw.CommandAsync("LLEN", dst));
        Assert.Equal(Bulk("a"), await raw.CommandAsync("LPOP", dst));
        Assert.Equal(Int(4), await raw.CommandAsync("RPUSH", dst, "e"));
        Assert.Equal(Ok, await raw.CommandAsync("LSET", dst, "0", "B"));
        Assert.Equal(Array("a", "b", "c", "d"), await raw.CommandAsync("LRANGE", src, "0", "-1"));
        Assert.Equal(Array("B", "c", "d", "e"), await raw.CommandAsync("LRANGE", dst, "0", "-1"));
        await fixture.AssertContiguousAsync(dst);
    }

    [Fact]
    public async Task Move_carries_the_elements_to_another_db()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("move");
        await raw.CommandAsync("RPUSH", k, "a", "b");
        Assert.Equal(Int(1), await raw.CommandAsync("MOVE", k, "3"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
        Assert.Equal(Ok, await raw.CommandAsync("SELECT", "3"));
        Assert.Equal(Array("a", "b"), await raw.CommandAsync("LRANGE", k, "0", "-1"));
        Assert.Equal("+list\r\n", await raw.CommandAsync("TYPE", k));
        Assert.Equal(Array("a", "b"), await raw.CommandAsync("LPOP", k, "2"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", k));
    }

    [Fact]
    public async Task Expire_and_ttl_work_on_a_list()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("ttl");
        await raw.CommandAsync("RPUSH", k, "a");
        Assert.Equal(Int(-1), await raw.CommandAsync("TTL", k));
        Assert.Equal(Int(1), await raw.CommandAsync("EXPIRE", k, "100"));
        Assert.Matches(@"^:(99|100)\r\n$", await raw.CommandAsync("TTL", k));
        Assert.Equal(Int(1), await raw.CommandAsync("PERSIST", k));
        Assert.Equal(Int(-1), await raw.CommandAsync("TTL", k));
    }

    [Fact]
    public async Task Del_leaves_rows_that_the_collector_reclaims()
    {
        using var raw = await fixture.RawAsync();
        string deleted = ProxyFixture.Key("deleted"), popped = ProxyFixture.Key("popped"), kept = ProxyFixture.Key("kept");
        await raw.CommandAsync(["RPUSH", deleted, .. Enumerable.Range(0, 1500).Select(i => $"e{i}")]);
        await raw.CommandAsync("RPUSH", popped, "a", "b");
        await raw.CommandAsync("RPUSH", kept, "x", "y");
        long deletedId = (await fixture.KeyIdAsync(deleted))!.Value, poppedId = (await fixture.KeyIdAsync(popped))!.Value;
        long keptId = (await fixture.KeyIdAsync(kept))!.Value;
        Assert.Equal(1500, await fixture.RowsAsync("list_items", deletedId));

        Assert.Equal(Int(1), await raw.CommandAsync("DEL", deleted));
        Assert.Equal(Array("a", "b"), await raw.CommandAsync("LPOP", popped, "5"));
        Assert.Equal(Int(0), await raw.CommandAsync("EXISTS", deleted, popped));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await LeftoverRowsAsync(deletedId, poppedId) > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the collector left list rows behind");
            await Task.Delay(200);
        }
        Assert.Equal(2, await fixture.RowsAsync("list_items", keptId));
        Assert.Equal(1, await fixture.RowsAsync("list_bounds", keptId));
    }

    private async Task<long> LeftoverRowsAsync(params long[] ids)
    {
        long total = 0;
        foreach (long id in ids)
            total += await fixture.RowsAsync("list_items", id) + await fixture.RowsAsync("list_bounds", id);
        return total;
    }
}
