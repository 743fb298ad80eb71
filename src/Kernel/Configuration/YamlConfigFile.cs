using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>
/// Applies a YAML config file on top of options. Walked as a node tree rather than
/// deserialized into classes so that every unknown key can be reported with its full path.
/// </summary>
internal static class YamlConfigFile
{
    public static void Apply(ProxyOptions options, string path)
    {
        var root = LoadRoot(path);
        if (root is null || IsNull(root))
        {
            return;
        }

        if (root is not YamlMappingNode mapping)
        {
            throw new ConfigException($"config file '{path}' must hold a mapping of config keys ({Where(path, root)})");
        }

        ApplyMapping(options, mapping, prefix: "", path);
    }

    private static YamlNode? LoadRoot(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"config file '{path}' named by {ConfigLoader.ConfigFileVariable} does not exist");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigException($"config file '{path}' is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"config file '{path}' cannot be read: {e.Message}", e);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => stream.Documents[0].RootNode,
            _ => throw new ConfigException($"config file '{path}' must hold a single YAML document"),
        };
    }

    private static void ApplyMapping(ProxyOptions options, YamlMappingNode mapping, string prefix, string path)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } name } ? prefix + name : null;
            if (key is not null && ConfigEntries.ByYamlPath.TryGetValue(key, out var entry))
            {
                ApplyValue(options, entry, valueNode, path);
            }
            else if (key is not null && ConfigEntries.Sections.Contains(key))
            {
                ApplySection(options, key, valueNode, path);
            }
            else
            {
                var shown = key ?? prefix + keyNode;
                throw new ConfigException($"unknown config key '{shown}' ({Where(path, keyNode)})");
            }
        }
    }

    private static void ApplySection(ProxyOptions options, string key, YamlNode valueNode, string path)
    {
        switch (valueNode)
        {
            case YamlMappingNode section:
                ApplyMapping(options, section, key + ".", path);
                break;
            case var empty when IsNull(empty):
                // "pool:" with nothing below it changes nothing.
                break;
            default:
                throw new ConfigException($"config key '{key}' must hold a mapping of keys ({Where(path, valueNode)})");
        }
    }

    private static void ApplyValue(ProxyOptions options, ConfigEntry entry, YamlNode valueNode, string path)
    {
        var source = Where(path, valueNode);
        switch (valueNode)
        {
            case YamlScalarNode scalar:
                entry.Apply(options, IsNull(scalar) ? "" : scalar.Value ?? "", source);
                break;
            case YamlSequenceNode sequence when entry.IsList && sequence.Children.All(item => item is YamlScalarNode):
                // Items are names, which never contain commas, so joining them loses nothing.
                var items = sequence.Children.Select(item => ((YamlScalarNode)item).Value ?? "");
                entry.Apply(options, string.Join(',', items), source);
                break;
            default:
                throw new ConfigException($"invalid value for {entry.YamlPath} ({source}): expected {entry.Expected}");
        }
    }

    /// <summary>An unquoted empty value, "~" or "null" is YAML's null.</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string Where(string path, YamlNode node) => $"config file '{path}' line {node.Start.Line}";
}
