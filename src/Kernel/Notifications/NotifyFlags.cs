using System.Text;

namespace RedisOnMySql.Kernel.Notifications;

/// <summary>
/// Redis's notify-keyspace-events classes: K and E choose the channels, the others the kinds of event. A family names
/// the class of each event it raises (<see cref="Sql.ISqlRunner.NotifyAsync"/>).
/// </summary>
[Flags]
public enum NotifyFlags
{
    None = 0,
    Keyspace = 1 << 0,  // K
    Keyevent = 1 << 1,  // E
    Generic = 1 << 2,   // g
    String = 1 << 3,    // $
    List = 1 << 4,      // l
    Set = 1 << 5,       // s
    Hash = 1 << 6,      // h
    Zset = 1 << 7,      // z
    Expired = 1 << 8,   // x
    Evicted = 1 << 9,   // e
    Stream = 1 << 10,   // t
    KeyMiss = 1 << 11,  // m (not part of A)
    Module = 1 << 12,   // d
    New = 1 << 13,      // n (not part of A)

    /// <summary>A: every class but m and n.</summary>
    All = Generic | String | List | Set | Hash | Zset | Expired | Evicted | Stream | Module,
}

/// <summary>The text form of <see cref="NotifyFlags"/>, parsed and printed as Redis 7.0 does.</summary>
public static class NotifyFlagsText
{
    public const string InvalidMessage = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    private static readonly (char Letter, NotifyFlags Flag)[] Letters =
    [
        ('g', NotifyFlags.Generic), ('$', NotifyFlags.String), ('l', NotifyFlags.List), ('s', NotifyFlags.Set),
        ('h', NotifyFlags.Hash), ('z', NotifyFlags.Zset), ('x', NotifyFlags.Expired), ('e', NotifyFlags.Evicted),
        ('t', NotifyFlags.Stream), ('d', NotifyFlags.Module), ('n', NotifyFlags.New),
    ];

    /// <summary>The flags of a CONFIG SET value; null when a character is not a class.</summary>
    public static NotifyFlags? Parse(string text)
    {
        var flags = NotifyFlags.None;
        foreach (char c in text)
        {
            switch (c)
            {
                case 'A': flags |= NotifyFlags.All; break;
                case 'K': flags |= NotifyFlags.Keyspace; break;
                case 'E': flags |= NotifyFlags.Keyevent; break;
                case 'm': flags |= NotifyFlags.KeyMiss; break;
                default:
                    var letter = Array.FindIndex(Letters, l => l.Letter == c);
                    if (letter < 0) return null;
                    flags |= Letters[letter].Flag;
                    break;
            }
        }
        return flags;
    }

    /// <summary>What CONFIG GET shows: A when every class of A is set (then, as in Redis, n is not shown), K, E, m.</summary>
    public static string Format(NotifyFlags flags)
    {
        var text = new StringBuilder();
        if ((flags & NotifyFlags.All) == NotifyFlags.All) text.Append('A');
        else foreach (var (letter, flag) in Letters) if (flags.HasFlag(flag)) text.Append(letter);
        if (flags.HasFlag(NotifyFlags.Keyspace)) text.Append('K');
        if (flags.HasFlag(NotifyFlags.Keyevent)) text.Append('E');
        if (flags.HasFlag(NotifyFlags.KeyMiss)) text.Append('m');
        return text.ToString();
    }

    /// <summary>
    /// The form kept in MySQL: <see cref="Format"/>, plus the n that CONFIG GET hides next to A, so that a proxy reading
    /// the setting back gets every flag.
    /// </summary>
    public static string Stored(NotifyFlags flags) =>
        (flags & NotifyFlags.All) == NotifyFlags.All && flags.HasFlag(NotifyFlags.New) ? Format(flags) + "n" : Format(flags);
}
