using System.Text;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Strings.Tests;

/// <summary>
/// GETs and plain SETs of concurrent clients of one tenant and db share statements (one IN-list read, one multi-row
/// upsert). Whatever is merged, each client gets its own answers and no acknowledged write is lost.
/// </summary>
[Collection(StringsCollection.Name)]
public class CoalescingTests(StringsFixture fixture)
{
    private const int Clients = 40;
    private const int Rounds = 50;

    [Fact]
    public async Task Sets_from_many_concurrent_clients_lose_nothing()
    {
        var prefix = ProxyFixture.Key("coalesced-set");
        var hot = ProxyFixture.Key("coalesced-hot");
        var written = new List<string>[Clients];
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            using var client = await fixture.RawAsync();
            written[c] = [];
            for (int r = 0; r < Rounds; r++)
            {
                Assert.Equal("+OK\r\n", await client.CommandAsync("SET", $"{prefix}:{c}:{r}", $"v{c}.{r}\0\r\n"));
                var value = $"hot{c}.{r}";
                Assert.Equal("+OK\r\n", await client.CommandAsync("SET", hot, value));
                written[c].Add(value);
            }
        }));

        using var reader = await fixture.RawAsync();
        for (int c = 0; c < Clients; c++)
        {
            for (int r = 0; r < Rounds; r++)
            {
                var row = await fixture.RowAsync($"{prefix}:{c}:{r}");
                Assert.NotNull(row);
                Assert.Equal($"v{c}.{r}\0\r\n", Encoding.UTF8.GetString(row.Value.Value!));
            }
        }
        // The hot key holds one client's last write: every client's writes to it were applied in its own order.
        var last = Encoding.UTF8.GetString((await fixture.RowAsync(hot))!.Value.Value!);
        Assert.Contains(last, written.Select(w => w[^1]));
    }

    [Fact]
    public async Task Gets_from_many_concurrent_clients_each_answer_the_clients_own_key_tenant_and_db()
    {
        var prefix = ProxyFixture.Key("coalesced-get");
        using (var setup = await fixture.RawAsync())
        using (var setupB = await fixture.RawAsync(ProxyFixture.UserB))
        {
            for (int c = 0; c < Clients; c++)
            {
                await setup.CommandAsync("SET", $"{prefix}:{c}", $"A{c}");
                await setupB.CommandAsync("SET", $"{prefix}:{c}", $"B{c}");
            }
            await setup.CommandAsync("SELECT", "2");
            for (int c = 0; c < Clients; c++) await setup.CommandAsync("SET", $"{prefix}:{c}", $"A2.{c}");
        }

        // Each client reads its own key, in tenant A db 0, tenant A db 2 or tenant B, all at once.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async c =>
        {
            var (user, db, expected) = (c % 3) switch
            {
                0 => (ProxyFixture.UserA, "0", $"A{c}"),
                1 => (ProxyFixture.UserA, "2", $"A2.{c}"),
                _ => (ProxyFixture.UserB, "0", $"B{c}"),
            };
            using var client = await fixture.RawAsync(user);
            Assert.Equal("+OK\r\n", await client.CommandAsync("SELECT", db));
            for (int r = 0; r < Rounds; r++)
            {
                Assert.Equal($"${expected.Length}\r\n{expected}\r\n", await client.CommandAsync("GET", $"{prefix}:{c}"));
                Assert.Equal("$-1\r\n", await client.CommandAsync("GET", $"{prefix}:missing:{c}"));
            }
        }));
    }

    [Fact]
    public async Task Pipelined_sets_of_one_key_leave_the_last_value_and_answer_each_ok()
    {
        using var client = await fixture.RawAsync();
        string a = ProxyFixture.Key("dup-a"), b = ProxyFixture.Key("dup-b"), c = ProxyFixture.Key("dup-c");
        client.Send([.. RawRespClient.Command("SET", a, "1"), .. RawRespClient.Command("SET", b, "2"),
            .. RawRespClient.Command("SET", a, "3"), .. RawRespClient.Command("SET", c, "4"), .. RawRespClient.Command("SET", a, "5"),
            .. RawRespClient.Command("GET", a), .. RawRespClient.Command("GET", b), .. RawRespClient.Command("GET", c)]);
        for (int i = 0; i < 5; i++) Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n5\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n2\r\n", await client.ReadReplyAsync());
        Assert.Equal("$1\r\n4\r\n", await client.ReadReplyAsync());
    }

    [Fact]
    public async Task A_pipelined_set_replaces_a_hash_and_clears_a_ttl_like_a_single_set()
    {
        using var client = await fixture.RawAsync();
        string hash = ProxyFixture.Key("was-hash"), ttl = ProxyFixture.Key("had-ttl");
        await fixture.InsertKeyOfTypeAsync(hash);
        Assert.Equal("+OK\r\n", await client.CommandAsync("SET", ttl, "old", "EX", "100"));
        client.Send([.. RawRespClient.Command("SET", hash, "s"), .. RawRespClient.Command("SET", ttl, "new"),
            .. RawRespClient.Command("TYPE", hash), .. RawRespClient.Command("TTL", ttl)]);
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("+OK\r\n", await client.ReadReplyAsync());
        Assert.Equal("+string\r\n", await client.ReadReplyAsync());
        Assert.Equal(":-1\r\n", await client.ReadReplyAsync());
    }
}
