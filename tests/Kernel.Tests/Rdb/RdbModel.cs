using System.Globalization;
using System.Text;
using RedisOnMySql.Kernel.Rdb;

namespace RedisOnMySql.Kernel.Tests.Rdb;

/// <summary>
/// Test shorthands for building values, and a canonical text of a value for comparing two of them with a readable
/// diff: members and fields sorted (their order carries no meaning), list items in order, ±0 scores alike.
/// </summary>
internal static class RdbModel
{
    public static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    public static RdbString Str(string text) => new(B(text));

    public static RdbList List(params string[] items) => new(items.Select(B));

    public static RdbSet Set(params string[] members) => new(members.Select(B));

    public static RdbSortedSet ZSet(params (string Member, double Score)[] entries) =>
        new(entries.Select(e => new RdbSortedSetEntry(B(e.Member), e.Score)));

    public static RdbHash Hash(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new RdbHashField(B(f.Name), B(f.Value))));

    public static string Describe(RdbValue value) => value switch
    {
        RdbString s => "string " + Hex(s.Value),
        RdbList l => "list " + string.Join(",", l.Items.Select(Hex)),
        RdbSet s => "set " + string.Join(",", s.Members.Select(Hex).Order(StringComparer.Ordinal)),
        RdbSortedSet z => "zset " + string.Join(",", z.Entries
            .Select(e => Hex(e.Member) + "=" + Score(e.Score)).Order(StringComparer.Ordinal)),
        RdbHash h => "hash " + string.Join(",", h.Fields
            .Select(f => Hex(f.Name) + "=" + Hex(f.Value)).Order(StringComparer.Ordinal)),
        _ => throw new ArgumentException(value.GetType().Name),
    };

    public static void AssertSame(RdbValue expected, RdbValue actual) => Assert.Equal(Describe(expected), Describe(actual));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    private static string Score(double score) => score == 0 ? "0" : score.ToString("R", CultureInfo.InvariantCulture);
}
