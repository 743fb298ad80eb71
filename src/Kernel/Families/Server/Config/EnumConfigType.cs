namespace RedisOnMySql.Kernel.Families.Server.Config;

/// <summary>
/// A parameter taking one of a list of names (any case), or with <paramref name="flags"/> several of them separated by
/// spaces (shutdown-on-sigint "now force"). Names may share a value (oom-score-adj's yes and relative); CONFIG GET
/// prints the first name of the value, or for flags the names that make it up, in the list's order.
/// </summary>
internal sealed class EnumConfigType((string Name, int Value)[] names, bool flags = false, Func<int, string?>? validate = null)
    : ConfigType
{
    /// <summary>The value of <paramref name="name"/> (the default of a table entry).</summary>
    public int ValueOf(string name) => names.Single(n => n.Name == name).Value;

    public override ConfigParse Parse(string argument, object current)
    {
        string[] words = flags ? ConfigArguments.Split(argument) : [argument];
        if (words.Length == 0) return Invalid();
        int value = 0;
        foreach (var word in words)
        {
            var matches = names.Where(n => n.Name.Equals(word, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0) return Invalid();
            foreach (var match in matches) value |= match.Value;
        }
        return validate?.Invoke(value) is { } error ? ConfigParse.Fail(error) : ConfigParse.Ok(value);
    }

    public override string Format(object value)
    {
        int wanted = (int)value;
        var parts = new List<string>();
        int unmatched = wanted;
        foreach (var (name, bits) in names)
        {
            if (bits == wanted) return name;
            if (flags && bits != 0 && (unmatched & bits) == bits)
            {
                parts.Add(name);
                unmatched &= ~bits;
            }
        }
        return parts.Count == 0 || unmatched != 0 ? "unknown" : string.Join(' ', parts);
    }

    private ConfigParse Invalid() =>
        ConfigParse.Fail("argument(s) must be one of the following: " + string.Join(", ", names.Select(n => n.Name)));
}
