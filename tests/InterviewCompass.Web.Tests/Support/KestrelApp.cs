using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>The app on a real Kestrel at 127.0.0.1 (a real client address, real server headers), fresh SQLite.</summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private readonly AppFactory _factory;

    private KestrelApp(AppFactory factory, Uri address)
    {
        _factory = factory;
        Address = address;
    }

    public Uri Address { get; }

    public static KestrelApp Start(IDictionary<string, string?>? settings = null)
    {
        var factory = new AppFactory(settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        return new KestrelApp(factory, new Uri(addresses.Addresses.Single()));
    }

    /// <summary>A client that keeps no cookies and follows no redirects: each request says exactly what it sends.</summary>
    public HttpClient NewClient() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
