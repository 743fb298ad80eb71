using System.Text;
using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Kernel.Tests.Sdk;

/// <summary>Hash slots as redis-server 7.0's CLUSTER KEYSLOT gives them (values read from it).</summary>
public class KeySlotTests
{
    [Theory]
    [InlineData("123456789", 12739)]
    [InlineData("{user1}.name", 8106)]
    [InlineData("{user1}.age", 8106)]
    [InlineData("a{}b", 13694)]
    [InlineData("{}{a}", 13650)]
    [InlineData("x{a", 6541)]
    [InlineData("a{b}c{d}", 3300)]
    [InlineData("", 0)]
    [InlineData("{user1000}.following", 3443)]
    [InlineData("{user1000}.followers", 3443)]
    [InlineData("foo{}{bar}", 8363)]
    [InlineData("{{bar}}", 4015)]
    [InlineData("foo", 12182)]
    public void Slot_matches_redis(string key, int slot) => Assert.Equal(slot, KeySlot.Of(Encoding.UTF8.GetBytes(key)));

    [Theory]
    [InlineData(new byte[] { 0x00, 0xFF, (byte)'\r', (byte)'\n' }, 6261)]
    [InlineData(new byte[] { (byte)'{', 0x00, (byte)'}', (byte)'a' }, 0)]
    [InlineData(new byte[] { 0xFF, 0xFE }, 3374)]
    [InlineData(new byte[] { (byte)'{', (byte)'\r', (byte)'\n', (byte)'}', (byte)'x' }, 5910)]
    [InlineData(new byte[] { (byte)'a', 0x00, (byte)'{', (byte)'b', (byte)'}' }, 3300)]
    public void A_binary_key_hashes_by_its_bytes(byte[] key, int slot) => Assert.Equal(slot, KeySlot.Of(key));

    [Fact]
    public void The_crc_is_xmodem() => Assert.Equal(0x31C3, KeySlot.Crc16("123456789"u8));

    [Fact]
    public void A_hash_tag_of_binary_bytes_decides_the_slot()
    {
        byte[] tagged = [0x00, (byte)'{', 0xFF, 0x00, (byte)'}', 0x01];
        Assert.Equal(KeySlot.Of([0xFF, 0x00]), KeySlot.Of(tagged));
    }
}
