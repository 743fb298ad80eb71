using System.Text;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.TestInfrastructure;
using static RedisOnMySql.TestInfrastructure.RespText;

namespace RedisOnMySql.Commands.Cluster.Tests;

/// <summary>
/// COUNTKEYSINSLOT and GETKEYSINSLOT count and list the caller's live keys of every type in its db, in key order, and
/// follow a key renamed into or out of the slot.
/// </summary>
public class KeysInSlotTests(ClusterFamilyFixture fixture) : IClassFixture<ClusterFamilyFixture>
{
    [Fact]
    public async Task A_slot_holds_the_callers_live_keys_of_its_db_whatever_their_type()
    {
        var tag = "{" + Guid.NewGuid().ToString("N") + "}";
        var slot = KeySlot.Of(Encoding.UTF8.GetBytes(tag)).ToString();
        byte[] binary = [.. Encoding.UTF8.GetBytes(tag), 0x00, 0xFF, (byte)'\r', (byte)'\n'];
        using var a = await fixture.RawAsync();
        using var b = await fixture.RawAsync(ProxyFixture.UserB);
        await a.CommandAsync("SET", tag + "s", "v");
        await a.CommandAsync("HSET", tag + "h", "f", "v");
        await a.CommandAsync("SADD", tag + "set", "m");
        await a.CommandAsync("RPUSH", tag + "l", "x");
        await a.CommandAsync(Args("SET", binary, "v"));
        await a.CommandAsync("SET", tag + "expired", "v", "PX", "1");
        await b.CommandAsync("SET", tag + "b", "v");
        await a.CommandAsync("SELECT", "1");
        await a.CommandAsync("SET", tag + "db1", "v");
        await Task.Delay(20);

        Assert.Equal(Int(1), await a.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", slot));
        await a.CommandAsync("SELECT", "0");
        Assert.Equal(Int(5), await a.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", slot));
        Assert.Equal(Int(1), await b.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", slot));
        byte[][] inOrder = [binary, .. new[] { "h", "l", "s", "set" }.Select(n => Encoding.UTF8.GetBytes(tag + n))];
        Assert.Equal(ArrayBytes(inOrder), await a.CommandBytesAsync(Args("CLUSTER", "GETKEYSINSLOT", slot, "10")));
        Assert.Equal(ArrayBytes(inOrder[..2]), await a.CommandBytesAsync(Args("CLUSTER", "GETKEYSINSLOT", slot, "2")));
        Assert.Equal(EmptyArray, await a.CommandAsync("CLUSTER", "GETKEYSINSLOT", slot, "0"));
    }

    [Fact]
    public async Task A_renamed_key_moves_to_its_new_slot()
    {
        var from = "{" + Guid.NewGuid().ToString("N") + "}k";
        var to = "{" + Guid.NewGuid().ToString("N") + "}k";
        string SlotOf(string key) => KeySlot.Of(Encoding.UTF8.GetBytes(key)).ToString();
        using var client = await fixture.RawAsync();
        await client.CommandAsync("SET", from, "v");
        Assert.Equal(Int(1), await client.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", SlotOf(from)));
        Assert.Equal(Ok, await client.CommandAsync("RENAME", from, to));
        Assert.Equal(Int(0), await client.CommandAsync("CLUSTER", "COUNTKEYSINSLOT", SlotOf(from)));
        Assert.Equal(Array(to), await client.CommandAsync("CLUSTER", "GETKEYSINSLOT", SlotOf(to), "5"));
    }
}
