using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

[Collection(StringsCollection.Name)]
public class MultiKeyTests(StringsFixture fixture)
{
    [Fact]
    public async Task Mget_returns_values_in_order_with_nil_for_missing_and_other_types()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b"), h = ProxyFixture.Key("h"), missing = ProxyFixture.Key("m");
        await raw.CommandAsync("SET", a, "1");
        await raw.CommandAsync("SET", b, "22");
        await fixture.InsertKeyOfTypeAsync(h);
        Assert.Equal("*6\r\n$2\r\n22\r\n$-1\r\n$1\r\n1\r\n$-1\r\n$1\r\n1\r\n$2\r\n22\r\n",
            await raw.CommandAsync("MGET", b, missing, a, h, a, b));
        Assert.Equal("*1\r\n$-1\r\n", await raw.CommandAsync("MGET", missing));
    }

    [Fact]
    public async Task Mget_of_many_keys_uses_one_statement_shape_per_power_of_two()
    {
        using var raw = await fixture.RawAsync();
        var keys = Enumerable.Range(0, 37).Select(i => ProxyFixture.Key($"many{i}")).ToArray();
        var pairs = keys.SelectMany((k, i) => new[] { k, i.ToString() }).ToArray();
        Assert.Equal("+OK\r\n", await raw.CommandAsync(["MSET", .. pairs]));
        var expected = "*37\r\n" + string.Concat(Enumerable.Range(0, 37).Select(i => $"${i.ToString().Length}\r\n{i}\r\n"));
        Assert.Equal(expected, await raw.CommandAsync(["MGET", .. keys]));
    }

    [Fact]
    public async Task Mset_longer_than_one_upsert_statement_writes_every_pair()
    {
        using var raw = await fixture.RawAsync();
        var prefix = ProxyFixture.Key("long-mset");
        var keys = Enumerable.Range(0, 2500).Select(i => $"{prefix}:{i}").ToArray();
        Assert.Equal("+OK\r\n", await raw.CommandAsync(["MSET", .. keys.SelectMany((k, i) => new[] { k, $"v{i}" })]));
        var expected = "*2500\r\n" + string.Concat(Enumerable.Range(0, 2500).Select(i => $"${$"v{i}".Length}\r\nv{i}\r\n"));
        Assert.Equal(expected, await raw.CommandAsync(["MGET", .. keys]));
    }

    [Fact]
    public async Task Mget_exists_and_del_of_more_keys_than_one_statement_takes_answer_for_every_key()
    {
        using var raw = await fixture.RawAsync();
        var prefix = ProxyFixture.Key("huge");
        // 40,000 names: one IN-list of them would need more placeholders than MySQL allows (65,535 at a power of two).
        var keys = Enumerable.Range(0, 40000).Select(i => $"{prefix}:{i}").ToArray();
        var present = keys.Where((_, i) => i % 3 == 0).ToArray();
        foreach (var chunk in present.Chunk(1000))
            Assert.Equal("+OK\r\n", await raw.CommandAsync(["MSET", .. chunk.SelectMany(k => new[] { k, "v" })]));

        var mget = await raw.CommandAsync(["MGET", .. keys]);
        Assert.StartsWith("*40000\r\n", mget);
        Assert.Equal(present.Length, mget.Split("$1\r\nv\r\n").Length - 1);
        Assert.Equal(keys.Length - present.Length, mget.Split("$-1\r\n").Length - 1);
        Assert.Equal($":{present.Length + 1}\r\n", await raw.CommandAsync(["EXISTS", .. keys, present[0]]));
        Assert.Equal($":{present.Length}\r\n", await raw.CommandAsync(["DEL", .. keys, present[0]]));
        Assert.Equal(":0\r\n", await raw.CommandAsync(["EXISTS", .. present]));
    }

    [Fact]
    public async Task Msetnx_of_more_keys_than_one_locking_statement_takes_is_still_all_or_nothing()
    {
        using var raw = await fixture.RawAsync();
        var prefix = ProxyFixture.Key("huge-nx");
        // 40,000 keys: locked in one statement, their power-of-two shape (65,536) exceeds MySQL's 65,535 placeholders.
        var keys = Enumerable.Range(0, 40000).Select(i => $"{prefix}:{i}").ToArray();
        Assert.Equal("+OK\r\n", await raw.CommandAsync("SET", keys[^1], "taken"));
        Assert.Equal(":0\r\n", await raw.CommandAsync(["MSETNX", .. keys.SelectMany(k => new[] { k, "v" })]));
        Assert.Equal(":1\r\n", await raw.CommandAsync(["EXISTS", .. keys]));
    }

    [Fact]
    public async Task Concurrent_msets_over_the_same_keys_all_succeed_and_leave_one_of_them()
    {
        var keys = Enumerable.Range(0, 20).Select(i => ProxyFixture.Key($"overlap{i}")).ToArray();
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.RawAsync()));
        try
        {
            // Each client writes the keys in its own order; rows are locked in key order, so none deadlocks for good.
            var replies = await Task.WhenAll(clients.Select((c, n) => Task.Run(async () =>
            {
                var order = n % 2 == 0 ? keys : keys.Reverse().ToArray();
                var results = new List<string>();
                for (int round = 0; round < 10; round++)
                    results.Add(await c.CommandAsync(["MSET", .. order.SelectMany(k => new[] { k, $"c{n}" })]));
                return results;
            })));
            Assert.All(replies.SelectMany(r => r), reply => Assert.Equal("+OK\r\n", reply));
            // One MSET is atomic: every key holds the same client's value.
            var values = await clients[0].CommandAsync(["MGET", .. keys]);
            var first = values.Split("\r\n")[2];
            Assert.Equal("*20\r\n" + string.Concat(keys.Select(_ => $"${first.Length}\r\n{first}\r\n")), values);
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    [Fact]
    public async Task Mset_overwrites_any_type_clears_expiry_and_last_duplicate_wins()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), h = ProxyFixture.Key("h");
        await raw.CommandAsync("SET", a, "old", "EX", "100");
        await fixture.InsertKeyOfTypeAsync(h);
        Assert.Equal("+OK\r\n", await raw.CommandAsync("MSET", a, "x", h, "y", a, "z"));
        Assert.Equal("*2\r\n$1\r\nz\r\n$1\r\ny\r\n", await raw.CommandAsync("MGET", a, h));
        Assert.Null((await fixture.RowAsync(a))!.Value.ExpiresAt);
        Assert.Equal("-ERR wrong number of arguments for 'mset' command\r\n", await raw.CommandAsync("MSET", a, "1", h));
    }

    [Fact]
    public async Task Msetnx_writes_all_or_nothing()
    {
        using var raw = await fixture.RawAsync();
        string a = ProxyFixture.Key("a"), b = ProxyFixture.Key("b"), c = ProxyFixture.Key("c"), h = ProxyFixture.Key("h");
        Assert.Equal(":1\r\n", await raw.CommandAsync("MSETNX", a, "1", b, "2"));
        Assert.Equal(":0\r\n", await raw.CommandAsync("MSETNX", c, "3", b, "x"));
        Assert.Equal("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$-1\r\n", await raw.CommandAsync("MGET", a, b, c));
        await fixture.InsertKeyOfTypeAsync(h);
        Assert.Equal(":0\r\n", await raw.CommandAsync("MSETNX", c, "3", h, "x"));
        Assert.Null(await fixture.RowAsync(c));
        Assert.Equal("-ERR wrong number of arguments for 'msetnx' command\r\n", await raw.CommandAsync("MSETNX", c, "1", h));

        // An expired key counts as absent.
        await raw.CommandAsync("PSETEX", c, "1", "gone");
        await Task.Delay(20);
        Assert.Equal(":1\r\n", await raw.CommandAsync("MSETNX", c, "new", c, "newer"));
        Assert.Equal("$5\r\nnewer\r\n", await raw.CommandAsync("GET", c));
    }

    [Fact]
    public async Task Concurrent_msetnx_on_the_same_fresh_keys_lets_exactly_one_win()
    {
        var k1 = ProxyFixture.Key("race1");
        var k2 = ProxyFixture.Key("race2");
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.RawAsync()));
        try
        {
            var replies = await Task.WhenAll(clients.Select((c, i) => c.CommandAsync("MSETNX", k2, $"v{i}", k1, $"v{i}")));
            Assert.Single(replies, r => r == ":1\r\n");
            Assert.All(replies, r => Assert.Contains(r, new[] { ":1\r\n", ":0\r\n" }));
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }
}
