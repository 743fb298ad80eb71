using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.Commands.Lists.Tests;

/// <summary>families.disabled: [lists] makes every list command answer exactly like an unknown command.</summary>
public class DisabledFamilyTests(ListsDisabledFixture fixture) : IClassFixture<ListsDisabledFixture>
{
    [Fact]
    public async Task Disabling_the_lists_family_makes_every_list_command_unknown()
    {
        using var client = await fixture.RawAsync();
        string[] listCommands =
        [
            "LPUSH", "RPUSH", "LPUSHX", "RPUSHX", "LPOP", "RPOP", "LLEN", "LINDEX", "LRANGE", "LSET", "LINSERT", "LREM",
            "LTRIM", "LPOS", "LMOVE", "RPOPLPUSH", "LMPOP", "BLPOP", "BRPOP", "BLMPOP", "BLMOVE", "BRPOPLPUSH",
        ];
        foreach (var command in listCommands)
            Assert.Equal($"-ERR unknown command '{command}', with args beginning with: 'l' \r\n", await client.CommandAsync(command, "l"));
        Assert.Equal(":1\r\n", await client.CommandAsync("SADD", ProxyFixture.Key("set"), "m"));
        Assert.DoesNotContain("lpush", await client.CommandAsync("COMMAND", "LIST"));
    }
}
