using System.Text;

namespace RedisOnMySql.Differential.Tests;

/// <summary>Raw reply bytes as a readable one-line literal: printable ASCII as is, the rest escaped.</summary>
public static class ReplyText
{
    public static string Escape(byte[] raw)
    {
        var text = new StringBuilder("\"");
        foreach (var b in raw)
        {
            text.Append(b switch
            {
                (byte)'\r' => "\\r",
                (byte)'\n' => "\\n",
                (byte)'\t' => "\\t",
                (byte)'\\' => "\\\\",
                (byte)'"' => "\\\"",
                >= 0x20 and < 0x7f => ((char)b).ToString(),
                _ => $"\\x{b:x2}",
            });
        }
        return text.Append('"').ToString();
    }
}
