using Xunit;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.TestInfrastructure;

/// <summary>How many clients a proxy holds blocked (BLPOP, BZPOPMIN, ...), from INFO, for tests of blocking commands.</summary>
public static class BlockedClients
{
    /// <summary>INFO's blocked_clients, as an integer reply string for easy comparison.</summary>
    public static async Task<string> BlockedClientsAsync(RawRespClient raw)
    {
        var info = await raw.CommandAsync("INFO", "clients");
        var line = info.Split("\r\n").First(l => l.StartsWith("blocked_clients:", StringComparison.Ordinal));
        return Int(long.Parse(line["blocked_clients:".Length..]));
    }

    /// <summary>Polls INFO until exactly <paramref name="count"/> clients of this proxy are blocked.</summary>
    public static async Task WaitUntilBlockedAsync(RawRespClient raw, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await BlockedClientsAsync(raw) != Int(count))
        {
            Assert.True(DateTime.UtcNow < deadline, $"blocked_clients never reached {count}");
            await Task.Delay(10);
        }
    }
}
