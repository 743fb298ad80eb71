using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Geo.Tests;

/// <summary>families.disabled: [geo] makes every geo command unknown, while the sorted sets it stores in keep working.</summary>
public class DisabledFamilyTests(GeoDisabledFixture fixture) : IClassFixture<GeoDisabledFixture>
{
    [Fact]
    public async Task Disabling_the_geo_family_makes_every_geo_command_unknown_and_leaves_z_commands_alone()
    {
        using var client = await fixture.RawAsync();
        string[] geoCommands =
        [
            "GEOADD", "GEODIST", "GEOHASH", "GEOPOS", "GEORADIUS", "GEORADIUS_RO", "GEORADIUSBYMEMBER", "GEORADIUSBYMEMBER_RO",
            "GEOSEARCH", "GEOSEARCHSTORE",
        ];
        foreach (var command in geoCommands)
            Assert.Equal($"-ERR unknown command '{command}', with args beginning with: 'g' \r\n", await client.CommandAsync(command, "g"));
        var k = ProxyFixture.Key("z");
        Assert.Equal(Int(1), await client.CommandAsync("ZADD", k, "3479099956230698", "Palermo"));
        Assert.Equal(Bulk("3479099956230698"), await client.CommandAsync("ZSCORE", k, "Palermo"));
        Assert.DoesNotContain("geoadd", await client.CommandAsync("COMMAND", "LIST"));
    }
}
