using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>
/// Debian's nginx in front of a test app, with the repository's <c>deploy/nginx.conf</c> (its ports, certificate and cache
/// folder filled in, as <c>deploy/multi-instance.sh</c> does). When nginx is missing the test skips with an install hint;
/// under CI=true it fails instead (<c>.ci/run</c> installs <c>nginx-light</c>).
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private readonly string _certificateHash;

    private NginxProxy(Process process, string folder, Uri address, string certificateHash)
    {
        _process = process;
        _folder = folder;
        Address = address;
        _certificateHash = certificateHash;
    }

    /// <summary>https://127.0.0.1:port/ (a self-signed certificate made for this run).</summary>
    public Uri Address { get; }

    /// <summary>nginx's own error log, for a failure message.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public static string? Executable { get; } =
        new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>Skips the running test (fails it under CI=true) when nginx is not installed.</summary>
    public static void RequireInstalled()
    {
        if (Executable is not null)
        {
            return;
        }

        const string Message = "nginx is not installed: 'apt-get install nginx-light' (the deployed stack test needs it)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(Message);
        }

        Assert.Skip(Message);
    }

    /// <summary>Starts nginx with the repository's configuration, both upstream instances pointing at <paramref name="app"/>.</summary>
    public static async Task<NginxProxy> StartAsync(Uri app, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(app);
        RequireInstalled();
        var folder = Path.Combine(Path.GetTempPath(), "ic-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var certificateHash = WriteCertificate(folder);
        var port = FreePort();
        var fragment = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx.conf"), cancellation))
            .Replace("@PORT_A@", app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@PORT_B@", app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@LISTEN@", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("@CERT@", Path.Combine(folder, "cert.pem"), StringComparison.Ordinal)
            .Replace("@KEY@", Path.Combine(folder, "key.pem"), StringComparison.Ordinal)
            .Replace("@CACHE@", Path.Combine(folder, "cache"), StringComparison.Ordinal);
        Assert.DoesNotMatch("@[A-Z_]+@", fragment);
        var temp = Path.Combine(folder, "tmp");
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{temp}}/body;
              proxy_temp_path {{temp}}/proxy;
              fastcgi_temp_path {{temp}}/fastcgi;
              uwsgi_temp_path {{temp}}/uwsgi;
              scgi_temp_path {{temp}}/scgi;
            {{fragment}}
            }
            """, cancellation);
        Directory.CreateDirectory(temp);

        var process = Process.Start(new ProcessStartInfo(Executable!, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(process, folder, new Uri($"https://127.0.0.1:{port}/"), certificateHash);
        try
        {
            await proxy.WaitUntilListeningAsync(port, cancellation);
        }
        catch
        {
            proxy.Dispose();
            throw;
        }

        return proxy;
    }

    /// <summary>A browser-like client: its own cookie jar, no redirects followed, trusting exactly this run's certificate.</summary>
    public HttpClient NewBrowser()
    {
        var hash = _certificateHash;
        return new(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString(HashAlgorithmName.SHA256) == hash },
        })
        { BaseAddress = Address };
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync(cancellation)} {ErrorLog}");
            }

            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <returns>The certificate's SHA-256 hash, the one certificate the test clients trust.</returns>
    private static string WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker still closing a cache file; the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
            // nginx's workers created files as their own user.
        }
    }
}
