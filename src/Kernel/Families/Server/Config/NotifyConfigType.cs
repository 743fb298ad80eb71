using RedisOnMySql.Kernel.Notifications;

namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>notify-keyspace-events: Redis's class letters (K, E, A, g, $, l, ...), read and printed as Redis does.</summary>
internal sealed class NotifyConfigType : ConfigType
{
    public override ConfigParse Parse(string argument, object current) =>
        NotifyFlagsText.Parse(argument) is { } flags ? ConfigParse.Ok(flags) : ConfigParse.Fail(NotifyFlagsText.InvalidMessage);

    public override string Format(object value) => NotifyFlagsText.Format((NotifyFlags)value);
}
