using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.EndToEnd.Support;

/// <summary>
/// The real app on a real Kestrel bound to 127.0.0.1, with the repository's content and SQLite under
/// <paramref name="dataPath"/>. Port 0 picks a free port; a given port rebinds the same origin.
/// </summary>
internal sealed class KestrelAppFactory(string dataPath, int port) : WebApplicationFactory<Program>
{
    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        var address = addresses.Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the app reads only published assets; serve the build's (scoped CSS, framework JS).
        builder.UseStaticWebAssets();
        builder.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Content:Path", RepositoryPaths.Content);
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataPath", dataPath);
    }
}
