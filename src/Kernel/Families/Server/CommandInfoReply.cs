using RedisOnMySql.Kernel.Commands;
using RedisOnMySql.Kernel.Protocol;

namespace RedisOnMySql.Kernel.Families.Server;

/// <summary>How COMMAND INFO and COMMAND DOCS describe one command table entry, in Redis 7's shape.</summary>
internal static class CommandInfoReply
{
    /// <summary>[name, arity, [flags], first key, last key, step, [acl categories], [tips], [key specs], [subcommands]].</summary>
    public static void WriteInfo(RespWriter reply, CommandEntry entry)
    {
        reply.WriteArrayHeader(10);
        reply.WriteBulkString(entry.Name);
        reply.WriteInteger(entry.Arity);
        WriteStatuses(reply, entry.FlagNames().ToList());
        reply.WriteInteger(entry.FirstKey);
        reply.WriteInteger(entry.LastKey);
        reply.WriteInteger(entry.Step);
        WriteStatuses(reply, AclCategories.Of(entry));
        reply.WriteArrayHeader(0);
        reply.WriteArrayHeader(0);
        reply.WriteArrayHeader(0);
    }

    /// <summary>name, then the docs map as a flat array: summary, since and group.</summary>
    public static void WriteDocs(RespWriter reply, CommandEntry entry)
    {
        reply.WriteBulkString(entry.Name);
        reply.WriteArrayHeader(6);
        reply.WriteBulkString("summary");
        reply.WriteBulkString(entry.Summary);
        reply.WriteBulkString("since");
        reply.WriteBulkString(entry.Since);
        reply.WriteBulkString("group");
        reply.WriteBulkString(entry.Group);
    }

    private static void WriteStatuses(RespWriter reply, IReadOnlyList<string> values)
    {
        reply.WriteArrayHeader(values.Count);
        foreach (var value in values) reply.WriteSimpleString(value);
    }
}
