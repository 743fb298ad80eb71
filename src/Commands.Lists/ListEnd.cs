using RedisOnMySql.Kernel.Sdk;

namespace RedisOnMySql.Commands.Lists;

/// <summary>An end of a list: Left is the head (index 0), Right the tail.</summary>
internal enum ListEnd
{
    Left,
    Right,
}

internal static class ListEnds
{
    /// <summary>LEFT or RIGHT in any case, else Redis's syntax error.</summary>
    public static ListEnd Parse(CommandContext ctx, int index) =>
        ctx.ArgIs(index, "LEFT") ? ListEnd.Left
        : ctx.ArgIs(index, "RIGHT") ? ListEnd.Right
        : throw new RedisException(RedisErrors.Syntax);
}
