using System.Net;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Only configured proxies' forwarded headers are believed; a bad address stops the start with its name.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public void WithoutConfiguredProxiesNoForwardedHeaderIsBelieved()
    {
        using var app = new AppFactory();

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void ConfiguredProxiesAreTheOnlyOnesBelieved()
    {
        using var app = new AppFactory(new Dictionary<string, string?> { ["ReverseProxy:KnownProxies"] = "127.0.0.1, ::1" });

        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], options.KnownProxies);
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
    }

    [Fact]
    public void AnAddressThatIsNotOneIsNamed()
    {
        var (_, invalid) = new ReverseProxyOptions { KnownProxies = "127.0.0.1,nginx.local" }.Parse();

        Assert.Equal("nginx.local", invalid);
    }
}
