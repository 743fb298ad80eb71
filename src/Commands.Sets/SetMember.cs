using System.Security.Cryptography;

namespace RedisOnMySql.Commands.Sets;

/// <summary>A member as stored: its bytes and their SHA-256, which identifies it in set_members whatever its length.</summary>
internal sealed record SetMember(byte[] Hash, byte[] Value)
{
    public static SetMember Of(byte[] value) => new(SHA256.HashData(value), value);

    /// <summary>The distinct members among <paramref name="values"/>, in first-seen order.</summary>
    public static List<SetMember> DistinctOf(IEnumerable<byte[]> values)
    {
        var seen = new HashSet<string>();
        var members = new List<SetMember>();
        foreach (var value in values)
        {
            var member = Of(value);
            if (seen.Add(Convert.ToHexString(member.Hash))) members.Add(member);
        }
        return members;
    }
}
