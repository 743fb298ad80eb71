using RedisOnMySql.Kernel.Configuration;

namespace RedisOnMySql.Kernel.Tests.Configuration;

public class HostPortTests
{
    [Theory]
    [InlineData("0.0.0.0:6380", "0.0.0.0", 6380)]
    [InlineData("localhost:0", "localhost", 0)]
    [InlineData("[::1]:3306", "::1", 3306)]
    [InlineData("db.example.com:65535", "db.example.com", 65535)]
    public void Parses_host_and_port(string text, string host, int port)
    {
        Assert.Equal(new HostPort(host, port), HostPort.Parse(text));
    }

    [Theory]
    [InlineData("6380")]
    [InlineData("host:")]
    [InlineData(":6380")]
    [InlineData("host:65536")]
    [InlineData("host:-1")]
    [InlineData("host:+80")]
    [InlineData("::1:6380")]
    [InlineData("[]:6380")]
    public void Rejects_malformed_addresses(string text)
    {
        Assert.False(HostPort.TryParse(text, out _));
    }

    [Fact]
    public void Formats_ipv6_with_brackets()
    {
        Assert.Equal("[::1]:6380", new HostPort("::1", 6380).ToString());
    }
}
