using System.Text.RegularExpressions;
using RedisOnMySql.TestInfrastructure;

namespace RedisOnMySql.EndToEnd.Tests.Cluster;

/// <summary>How many commands each proxy ran (INFO total_commands_processed), to see where a cluster client sent its commands.</summary>
public static class ProxyCommandCounts
{
    public static async Task<long> ProcessedAsync(int port)
    {
        using var raw = await RawRespClient.ConnectAuthenticatedAsync(port, ProxyFixture.UserA, ProxyFixture.Password);
        var info = await raw.CommandAsync("INFO", "stats");
        return long.Parse(Regex.Match(info, @"total_commands_processed:(\d+)").Groups[1].Value);
    }

    public static async Task<long[]> ProcessedAsync(IEnumerable<ProxyProcess> proxies) =>
        await Task.WhenAll(proxies.Select(p => ProcessedAsync(p.Port)));

    /// <summary>Commands each proxy ran between two readings, less the readings' own AUTH and INFO.</summary>
    public static long[] Between(long[] before, long[] after) => after.Zip(before, (a, b) => a - b - 2).ToArray();
}
