using RedisOnMySql.Kernel.Families.Server.Config;
using RedisOnMySql.Kernel.Notifications;
using RedisOnMySql.Kernel.Rdb;
using RedisOnMySql.Kernel.Sdk;
using RedisOnMySql.Kernel.Storage;
using RedisOnMySql.Kernel.Transactions;
using RedisOnMySql.Kernel.Values;

namespace RedisOnMySql.Kernel.Families.Keyspace;

/// <summary>
/// DUMP and RESTORE in Redis's serialization format (RDB version 10 with its CRC64), for every type: a payload taken
/// here restores into Redis 7.0 and the reverse. Values are read and written through the families' own commands
/// (<see cref="StoredValues"/>), RESTORE as one transaction.
/// </summary>
public sealed partial class KeyspaceCommands
{
    private StoredValues? _values;

    private StoredValues Values => _values ??= new StoredValues(Internal);

    [RedisCommand("dump", 2, CommandFlags.ReadOnly, 1, 1, 1, Group = "generic",
        Summary = "Returns a serialized representation of the value stored at a key.", Since = "2.6.0")]
    public async ValueTask Dump(CommandContext ctx)
    {
        var value = await Values.ReadAsync(ctx, ctx.Arg(1));
        if (value is null) ctx.Reply.WriteNullBulk();
        else ctx.Reply.WriteBulkString(DumpPayload.Encode(value, EncodingOptions()));
    }

    /// <summary>Checks in Redis's order: options, an existing key, the TTL, the payload's footer, then its value.</summary>
    [RedisCommand("restore", -4, CommandFlags.Write | CommandFlags.DenyOom, 1, 1, 1, Group = "generic",
        Summary = "Creates a key from the serialized representation of a value.", Since = "2.6.0",
        AclCategories = "@keyspace @dangerous")]
    public async ValueTask Restore(CommandContext ctx)
    {
        bool replace = false, absoluteTtl = false, idleTime = false, frequency = false;
        for (int i = 4; i < ctx.Count; i++)
        {
            bool hasValue = i + 1 < ctx.Count;
            if (ctx.ArgIs(i, "REPLACE")) replace = true;
            else if (ctx.ArgIs(i, "ABSTTL")) absoluteTtl = true;
            // IDLETIME and FREQ are checked and then have nothing to set: the proxy keeps no LRU or LFU data.
            else if (ctx.ArgIs(i, "IDLETIME") && hasValue && !frequency)
            {
                idleTime = true;
                if (ctx.ArgInt64(++i) < 0) throw RedisException.Err("Invalid IDLETIME value, must be >= 0");
            }
            else if (ctx.ArgIs(i, "FREQ") && hasValue && !idleTime)
            {
                frequency = true;
                if (ctx.ArgInt64(++i) is < 0 or > 255) throw RedisException.Err("Invalid FREQ value, must be >= 0 and <= 255");
            }
            else throw new RedisException(RedisErrors.Syntax);
        }
        var key = ctx.Arg(1);
        await Runner.RunAtomicallyAsync(ctx, async () =>
        {
            var row = await ctx.Sql.QueryFirstAsync(KeyspaceStatements.SelectForUpdate, KeyspaceRow.Read, key);
            bool exists = row is not null && row.IsLiveAt(ctx.NowMs);
            if (!replace && exists) throw new RedisException("BUSYKEY Target key name already exists.");
            long ttl = ctx.ArgInt64(2);
            if (ttl < 0) throw RedisException.Err("Invalid TTL value, must be >= 0");
            if (!DumpPayload.TryDecode(ctx.Arg(3), out var value, out var error)) throw new RedisException(error.RedisErrorMessage);
            long expiresAt = ttl == 0 ? 0 : absoluteTtl ? ttl : ctx.NowMs + ttl;
            // A key restored already expired is not created; the old value is deleted all the same.
            bool expired = ttl != 0 && expiresAt <= ctx.NowMs;
            // Redis's events, not those of the commands that write the value.
            using (ctx.Sql.WithoutNotifications())
            {
                if (exists) await Internal.CallAsync(ctx, "DEL", key);
                if (!expired) await Values.WriteAsync(ctx, key, value);
                if (!expired && ttl != 0) await Internal.CallAsync(ctx, "PEXPIREAT", key, RedisNumbers.ToBytes(expiresAt));
            }
            if (expired)
            {
                if (exists) await ctx.Sql.NotifyAsync(NotifyFlags.Generic, "del", key);
                return true;
            }
            await ctx.Sql.NotifyAsync(NotifyFlags.New, "new", key);
            await ctx.Sql.NotifyAsync(NotifyFlags.Generic, "restore", key);
            return true;
        });
        ctx.Reply.WriteOk();
    }

    private TransactionRunner Runner => services.GetRequiredService<TransactionRunner>();

    private InternalCommands Internal => services.GetRequiredService<InternalCommands>();

    /// <summary>The encodings Redis would choose under the parameters CONFIG SET last gave this proxy.</summary>
    private RdbEncodingOptions EncodingOptions() => services.GetRequiredService<ConfigStore>().EncodingOptions();
}
