using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using InterviewCompass.Core.Content;
using InterviewCompass.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Hosting;

/// <summary>Whether the app warms itself up after a start (<c>WarmUp:Enabled</c>; on by default outside Development and Testing).</summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Null: on in Production (and any environment but Development and Testing).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The most the warm-up runs (seconds); it usually stops earlier, once the JIT has nothing left to do.</summary>
    public int MaxSeconds { get; set; } = 20;

    /// <summary>
    /// At least this many rounds (each: the pages, a check and a draft saved, a lint, the history) before the JIT's quiet
    /// counts: the runtime optimises a method only after 30 calls. A fixed number of rounds, ignoring the JIT, when
    /// <see cref="Rounds"/> is set.
    /// </summary>
    public int MinRounds { get; set; } = 40;

    /// <summary>Exactly this many rounds (tests); null: until the JIT is quiet.</summary>
    public int? Rounds { get; set; }
}

/// <summary>
/// Full speed from the first seconds without an environment variable (issue 23). On one core the runtime replaces the
/// precompiled (ReadyToRun) code of hot methods with optimised code only after they have run for a while, and that took
/// about a minute of real traffic. Right after the database is ready, the app sends its own hot requests to itself over
/// loopback (the pages, a check saved, a draft saved and linted, the history), until the JIT has nothing left to compile,
/// then deletes what it saved. <c>/healthz</c> says "degraded, warming up" until then, so a load balancer sends traffic
/// to the optimised instance; pages are served all along.
/// </summary>
/// <remarks>
/// Its writes count against no visitor's budget: they carry a random key only this process knows, from loopback, and
/// the write limiter gives such requests their own partition (<see cref="IsWarmUpRequest"/>).
/// </remarks>
internal sealed partial class WarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    DatabasePreparation database,
    ContentCatalog catalog,
    IOptions<WarmUpOptions> options,
    IHostEnvironment environment,
    ILogger<WarmUp> logger) : BackgroundService
{
    public const string KeyHeader = "X-Warm-Up-Key";

    /// <summary>How long the JIT must stay idle before the warm-up counts the hot code as optimised.</summary>
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(3);

    private static readonly string Key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has ended (or was never to run).</summary>
    public Task Done => _done.Task;

    public bool Enabled => options.Value.Enabled ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));

    /// <summary>One of the warm-up's own requests: from loopback, with this process's key.</summary>
    public static bool IsWarmUpRequest(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && context.Request.Headers[KeyHeader] is [{ } key]
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(key), System.Text.Encoding.ASCII.GetBytes(Key));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!Enabled)
            {
                return;
            }

            await WhenStartedAsync(stoppingToken);
            await database.Done.WaitAsync(stoppingToken);
            if (Address() is not { } address)
            {
                LogNoAddress(logger);
                return;
            }

            await RunAsync(address, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: nothing to warm.
        }
#pragma warning disable CA1031 // A failed warm-up costs speed, never the app: logged, and the app is ready anyway.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task RunAsync(Uri address, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        using var handler = new WarmUpCookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(KeyHeader, Key);

        var guide = catalog.Guides.Count > 0 ? "/guides/" + catalog.Guides[0].Id : "/guides";
        string[] pages = ["/", "/guides", guide, "/guides?q=exit+interview", "/check/walk-out", "/history", "/applications"];
        var requests = 0;
        var rounds = 0;
        var failed = 0;
        var jitAtLastCheck = jitBefore;
        var lastCompiled = TimeSpan.Zero;
        var deadline = TimeSpan.FromSeconds(Math.Clamp(options.Value.MaxSeconds, 1, 300));
        try
        {
            while (options.Value.Rounds is { } fixedRounds ? rounds < fixedRounds : clock.Elapsed < deadline)
            {
                stoppingToken.ThrowIfCancellationRequested();
                foreach (var page in pages)
                {
                    using var response = await client.GetAsync(page, stoppingToken);
                    requests++;
                    failed += (int)response.StatusCode >= 400 ? 1 : 0;
                }

                using (var saved = await client.PostAsJsonAsync("/api/v1/sessions", new
                {
                    checklist = "walk-out",
                    answers = new Dictionary<string, string> { ["salary-below-posted"] = rounds % 2 == 0 ? "raised-unresolved" : "yes" },
                    label = "warm-up",
                }, stoppingToken))
                {
                    requests++;
                    failed += (int)saved.StatusCode >= 400 ? 1 : 0;
                }

                using (var draft = await client.PostAsJsonAsync("/api/v1/drafts", new
                {
                    kind = "withdrawal-note",
                    tone = "warm",
                    body = "Thank you for your time. I have decided to withdraw my application and wish you well with the search.",
                }, stoppingToken))
                {
                    requests++;
                    failed += (int)draft.StatusCode >= 400 ? 1 : 0;
                }

                using (var lint = await client.PostAsJsonAsync("/api/v1/messages/lint", new
                {
                    kind = "withdrawal-note",
                    text = "Thank you for the interview. I am withdrawing because the role is not the right fit for me.",
                }, stoppingToken))
                {
                    requests++;
                    failed += (int)lint.StatusCode >= 400 ? 1 : 0;
                }

                using (var list = await client.GetAsync("/api/v1/sessions", stoppingToken))
                {
                    requests++;
                    failed += (int)list.StatusCode >= 400 ? 1 : 0;
                }

                rounds++;

                // Done once the JIT has compiled next to nothing for QuietFor: ReadyToRun code is not compiled at its first
                // call, and on one core the runtime waits about a second (longer while new code keeps coming) before it
                // counts calls and sends hot methods to be optimised, so a quiet stretch must be longer than that wait.
                var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
                if (options.Value.Rounds is not null || rounds < options.Value.MinRounds)
                {
                    continue;
                }

                if (jit - jitAtLastCheck >= 5)
                {
                    jitAtLastCheck = jit;
                    lastCompiled = clock.Elapsed;
                }
                else if (clock.Elapsed - lastCompiled > QuietFor)
                {
                    break;
                }
            }
        }
        finally
        {
            // What it saved goes: the owner and everything it kept.
            using var delete = await client.DeleteAsync("/api/v1/owner", CancellationToken.None);
            requests++;
        }

        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        LogDone(logger, requests, rounds, failed, (long)clock.Elapsed.TotalMilliseconds, compiled);
    }

    /// <summary>
    /// Outside Development the app's cookies are <c>Secure</c> and its pages expect HTTPS (a TLS proxy in front): the
    /// warm-up's own requests are taken as HTTPS (<see cref="UseWarmUpScheme"/>), and this keeps their cookies by hand,
    /// which a cookie container would not send back over the plain loopback connection.
    /// </summary>
    private sealed class WarmUpCookies(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    var pair = setCookie.Split(';', 2)[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        _cookies[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
                    }
                }
            }

            return response;
        }
    }

    /// <summary>The warm-up's own requests are served as the HTTPS requests the deployed app gets from its proxy.</summary>
    public static void UseWarmUpScheme(IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (IsWarmUpRequest(context))
            {
                context.Request.Scheme = Uri.UriSchemeHttps;
            }

            return next(context);
        });

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    /// <summary>A plain-HTTP address the server listens on, as a loopback address this process can call.</summary>
    private Uri? Address()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var text in addresses)
        {
            var wildcard = text.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
                .Replace("://[::]:", "://127.0.0.1:", StringComparison.Ordinal);
            if (Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
                && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out _)))
            {
                return uri;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up: {Requests} requests to itself ({Rounds} rounds, {Failed} not answered 2xx/3xx) in {Milliseconds} ms, {Methods} methods compiled; full speed from here.")]
    private static partial void LogDone(ILogger logger, int requests, int rounds, int failed, long milliseconds, long methods);

    [LoggerMessage(Level = LogLevel.Information, Message = "No plain-HTTP address to warm up through; the app reaches full speed under its first traffic instead.")]
    private static partial void LogNoAddress(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up stopped early; the app is ready and reaches full speed under its first traffic.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary><c>/healthz</c>'s warm-up part: degraded until the app has warmed itself up.</summary>
internal sealed class WarmUpHealthCheck(WarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp.Done.IsCompleted || !warmUp.Enabled
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Warming up: optimising the hot code paths (pages are served meanwhile)."));
}
