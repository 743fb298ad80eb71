using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Server;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>The filters of CLIENT KILL's new form (ID, TYPE, ADDR, LADDR, USER, SKIPME); all given ones must match.</summary>
internal sealed class ClientKillFilter
{
    private long? _id;
    private string? _type;
    private string? _addr;
    private string? _laddr;
    private string? _user;
    private bool _skipMe = true;

    public static ClientKillFilter Parse(CommandContext ctx)
    {
        var filter = new ClientKillFilter();
        for (int i = 2; i + 1 < ctx.Count; i += 2)
        {
            var value = ctx.ArgString(i + 1);
            if (ctx.ArgIs(i, "ID"))
            {
                if (!RedisNumbers.TryParseInt64(ctx.Arg(i + 1), out long id) || id < 1)
                    throw RedisException.Err("client-id should be greater than 0");
                filter._id = id;
            }
            else if (ctx.ArgIs(i, "TYPE")) filter._type = ParseType(value);
            else if (ctx.ArgIs(i, "ADDR")) filter._addr = value;
            else if (ctx.ArgIs(i, "LADDR")) filter._laddr = value;
            else if (ctx.ArgIs(i, "USER")) filter._user = value;
            else if (ctx.ArgIs(i, "SKIPME"))
            {
                if (ctx.ArgIs(i + 1, "YES")) filter._skipMe = true;
                else if (ctx.ArgIs(i + 1, "NO")) filter._skipMe = false;
                else throw new RedisException(RedisErrors.Syntax);
            }
            else throw new RedisException(RedisErrors.Syntax);
        }
        return filter;
    }

    /// <summary>Redis's client type names; "slave" is the old name of "replica".</summary>
    public static string ParseType(string name) => name.ToLowerInvariant() switch
    {
        "normal" => "normal",
        "master" => "master",
        "replica" or "slave" => "replica",
        "pubsub" => "pubsub",
        _ => throw RedisException.Err($"Unknown client type '{name}'"),
    };

    public bool Matches(ClientSession session, ClientSession caller)
    {
        if (_skipMe && session == caller) return false;
        if (_id != null && session.Id != _id) return false;
        if (_type != null && _type != "normal") return false;
        if (_addr != null && ClientLine.Address(session.RemoteEndPoint) != _addr) return false;
        if (_laddr != null && ClientLine.Address(session.LocalEndPoint) != _laddr) return false;
        if (_user != null && (session.User ?? "default") != _user) return false;
        return true;
    }
}
