using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>
/// A 200,000-element list is normal use: it loads with a few long RPUSHes (chunked inserts), and its ends and middle
/// answer by position as on a short list.
/// </summary>
[Collection(ListsCollection.Name)]
public class BigListTests(ListsFixture fixture)
{
    private const int Length = 200_000;
    private const int PerCommand = 100_000;

    [Fact]
    public async Task A_two_hundred_thousand_element_list_answers_by_position()
    {
        using var raw = await fixture.RawAsync();
        var k = ProxyFixture.Key("big");
        for (int start = 0; start < Length; start += PerCommand)
            Assert.Equal(Int(start + PerCommand),
                await raw.CommandAsync(["RPUSH", k, .. Enumerable.Range(start, PerCommand).Select(i => $"e{i}")]));

        Assert.Equal(Int(Length), await raw.CommandAsync("LLEN", k));
        Assert.Equal(Bulk("e100000"), await raw.CommandAsync("LINDEX", k, "100000"));
        Assert.Equal(Bulk("e100000"), await raw.CommandAsync("LINDEX", k, "-100000"));
        Assert.Equal(Array("e99998", "e99999", "e100000", "e100001"), await raw.CommandAsync("LRANGE", k, "99998", "100001"));
        Assert.Equal(Ok, await raw.CommandAsync("LSET", k, "100000", "middle"));
        Assert.Equal(Bulk("middle"), await raw.CommandAsync("LINDEX", k, "100000"));
        Assert.Equal(Int(Length + 1), await raw.CommandAsync("LPUSH", k, "front"));
        Assert.Equal(Bulk("e199999"), await raw.CommandAsync("RPOP", k));
        Assert.Equal(Bulk("front"), await raw.CommandAsync("LPOP", k));
        Assert.Equal(Int(100000), await raw.CommandAsync("LPOS", k, "middle", "MAXLEN", "100001"));
        Assert.Equal(Array("e199997", "e199998"), await raw.CommandAsync("LRANGE", k, "-2", "-1"));
        Assert.Equal(Int(Length - 1), await raw.CommandAsync("LLEN", k));
        Assert.Equal(Int(1), await raw.CommandAsync("DEL", k));
    }
}
