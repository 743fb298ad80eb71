namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// client-output-buffer-limit: groups of "class hard soft seconds" (class normal, replica or slave, pubsub; bytes with
/// units). Only the classes named change; "" changes nothing. CONFIG GET prints all three classes, replica as slave.
/// </summary>
internal sealed class ClientOutputBufferLimitConfigType : ConfigType
{
    private static readonly string[] ClassNames = ["normal", "slave", "pubsub"];

    public override ConfigParse Parse(string argument, object current)
    {
        var words = ConfigArguments.Split(argument);
        if (words.Length % 4 != 0) return ConfigParse.Fail("Wrong number of arguments in buffer limit configuration.");
        var before = (ClientOutputBufferLimits)current;
        ClientBufferLimit[] limits = [before.Normal, before.Replica, before.Pubsub];
        for (int i = 0; i < words.Length; i += 4)
        {
            int clientClass = ClassOf(words[i]);
            if (clientClass < 0) return ConfigParse.Fail("Invalid client class specified in buffer limit configuration.");
            // soft_seconds is a C int in Redis: a larger number wraps before its sign is checked.
            int seconds = unchecked((int)CNumberText.StrToLong(words[i + 3], 10, out bool whole, out _));
            if (!CNumberText.TryParseMemory(words[i + 1], out ulong hard) || !CNumberText.TryParseMemory(words[i + 2], out ulong soft)
                || seconds < 0 || !whole)
                return ConfigParse.Fail("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            limits[clientClass] = new ClientBufferLimit(hard, soft, seconds);
        }
        return ConfigParse.Ok(new ClientOutputBufferLimits(limits[0], limits[1], limits[2]));
    }

    public override string Format(object value)
    {
        var limits = (ClientOutputBufferLimits)value;
        ClientBufferLimit[] byClass = [limits.Normal, limits.Replica, limits.Pubsub];
        return string.Join(' ', byClass.Select((l, i) => $"{ClassNames[i]} {l.HardBytes} {l.SoftBytes} {l.SoftSeconds}"));
    }

    /// <summary>0 normal, 1 replica, 2 pubsub; -1 for master (which has no limit of its own) and anything else.</summary>
    private static int ClassOf(string name) => name.ToLowerInvariant() switch
    {
        "normal" => 0,
        "slave" or "replica" => 1,
        "pubsub" => 2,
        _ => -1,
    };
}
