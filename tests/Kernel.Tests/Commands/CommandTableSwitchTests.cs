using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Configuration;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Tests.Commands;

/// <summary>Families off by default, families.enabled / disabled, and stand-ins that a family's command replaces.</summary>
public class CommandTableSwitchTests
{
    private sealed class StandInFamily : ICommandFamily
    {
        public string Name => "standin";

        [RedisCommand("probe", 1, CommandFlags.Fast, StandIn = true)]
        public ValueTask Probe(CommandContext ctx) => ValueTask.CompletedTask;
    }

    private sealed class OptInFamily : ICommandFamily, IClusterMode
    {
        public string Name => "optin";
        public bool EnabledByDefault => false;

        [RedisCommand("probe", -1, CommandFlags.Fast)]
        public ValueTask Probe(CommandContext ctx) => ValueTask.CompletedTask;
    }

    private static CommandTable Build(FamiliesOptions switches) => CommandTable.Build([new StandInFamily(), new OptInFamily()], switches, []);

    [Fact]
    public void A_family_off_by_default_leaves_the_stand_in()
    {
        var table = Build(new FamiliesOptions());
        Assert.Equal("standin", table.Find("probe")!.Family);
        Assert.DoesNotContain("optin", table.EnabledFamilies);
        Assert.False(table.ClusterMode);
    }

    [Fact]
    public void Enabling_the_family_replaces_the_stand_in_without_a_conflict()
    {
        var table = Build(new FamiliesOptions { Enabled = ["optin"] });
        Assert.Equal("optin", table.Find("probe")!.Family);
        Assert.Equal(-1, table.Find("probe")!.Arity);
        Assert.True(table.ClusterMode);
    }

    [Fact]
    public void Disabling_wins_over_enabling()
    {
        var table = Build(new FamiliesOptions { Enabled = ["optin"], Disabled = ["optin"] });
        Assert.Equal("standin", table.Find("probe")!.Family);
        Assert.False(table.ClusterMode);
    }
}
