using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Values;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// OBJECT ENCODING, FREQ, IDLETIME, REFCOUNT and HELP. The encoding is the one Redis would report for the same value;
/// the proxy keeps no LRU or LFU data, so a key's idle time is 0 and its frequency Redis's starting value.
/// </summary>
public sealed partial class KeyspaceCommands
{
    private static readonly string[] ObjectHelp =
    [
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.",
    ];

    /// <summary>Redis's counter for a key just written (LFU_INIT_VAL).</summary>
    private const int InitialFrequency = 5;

    /// <summary>Redis shares the integers 0 to 9999 (OBJ_SHARED_INTEGERS), reporting INT_MAX references for them.</summary>
    private const int SharedIntegers = 10_000;

    private Subcommands? _object;
    private ValueEncodings? _encodings;

    private ValueEncodings Encodings => _encodings ??= new ValueEncodings(Internal);

    private Subcommands ObjectSubcommands => _object ??= new Subcommands("object")
        .Add("encoding", 3, async ctx =>
        {
            var encoding = await Encodings.OfAsync(ctx, ctx.Arg(2), EncodingOptions());
            if (encoding is null) ctx.Reply.WriteNullBulk();
            else ctx.Reply.WriteBulkString(encoding);
        })
        .Add("freq", 3, ctx => AnswerIfExistsAsync(ctx, () =>
        {
            if (!MaxmemoryPolicy().Contains("lfu", StringComparison.Ordinal))
                throw RedisException.Err("An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when " +
                                         "switching between policies at runtime LRU and LFU data will take some time to adjust.");
            ctx.Reply.WriteInteger(InitialFrequency);
        }))
        .Add("idletime", 3, ctx => AnswerIfExistsAsync(ctx, () =>
        {
            if (MaxmemoryPolicy().Contains("lfu", StringComparison.Ordinal))
                throw RedisException.Err("An LFU maxmemory policy is selected, idle time not tracked. Please note that when " +
                                         "switching between policies at runtime LRU and LFU data will take some time to adjust.");
            ctx.Reply.WriteInteger(0);
        }))
        .Add("refcount", 3, async ctx =>
        {
            var encoding = await Encodings.OfAsync(ctx, ctx.Arg(2), EncodingOptions());
            if (encoding is null)
            {
                ctx.Reply.WriteNullBulk();
                return;
            }
            bool shared = encoding == "int" && await SharedIntegerAsync(ctx);
            ctx.Reply.WriteInteger(shared ? int.MaxValue : 1);
        })
        .Add("help", 2, ctx => Subcommands.WriteHelp(ctx, "OBJECT", ObjectHelp));

    [RedisCommand("object", -2, CommandFlags.Container, Group = "generic", Summary = "A container for object introspection commands.",
        Since = "2.2.3")]
    public ValueTask Object(CommandContext ctx) => ObjectSubcommands.RunAsync(ctx);

    private async ValueTask AnswerIfExistsAsync(CommandContext ctx, Action answer)
    {
        var type = (byte[])(await Internal.CallAsync(ctx, "TYPE", ctx.Arg(2)))!;
        if (type.AsSpan().SequenceEqual("none"u8)) ctx.Reply.WriteNullBulk();
        else answer();
    }

    /// <summary>Whether the string value is one of the integers Redis shares instead of allocating.</summary>
    private async Task<bool> SharedIntegerAsync(CommandContext ctx)
    {
        var value = (byte[]?)await Internal.CallAsync(ctx, "GET", ctx.Arg(2));
        return value is not null && CanonicalInteger.TryParse(value, out long n) && n is >= 0 and < SharedIntegers;
    }

    private string MaxmemoryPolicy()
    {
        var parameter = RedisConfigTable.Find("maxmemory-policy");
        return parameter.Type.Format(services.GetRequiredService<ConfigStore>().Values[parameter]);
    }
}
