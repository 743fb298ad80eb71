using System.Globalization;

namespace RedisOnMySql.Kernel.Configuration;

/// <summary>A "host:port" address as written in config; IPv6 hosts go in brackets: "[::1]:6380".</summary>
public readonly record struct HostPort(string Host, int Port)
{
    /// <summary>Accepts ports 0..65535; whether 0 (any free port) makes sense is the caller's call.</summary>
    public static bool TryParse(string text, out HostPort address)
    {
        address = default;
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('['))
        {
            if (!host.EndsWith(']') || host.Length < 3)
            {
                return false;
            }

            host = host[1..^1];
        }
        else if (host.Contains(':'))
        {
            // An unbracketed IPv6 host would make the port ambiguous.
            return false;
        }

        var portText = text[(colon + 1)..];
        if (host.Length == 0 || portText.Length == 0 || !portText.All(char.IsAsciiDigit)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        address = new HostPort(host, port);
        return true;
    }

    public static HostPort Parse(string text) =>
        TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a host:port address");

    public override string ToString() =>
        Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
