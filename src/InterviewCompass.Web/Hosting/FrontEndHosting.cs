using System.Globalization;
using System.Threading.RateLimiting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Hosting;

/// <summary>Razor components, security headers, problem details, output cache, rate limits, OpenAPI and health.</summary>
internal static class FrontEndHosting
{
    public static WebApplicationBuilder AddWebFrontEnd(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Nothing to gain from telling every client which server runs here.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // A listener that stops accepting ends the process, so a supervisor restarts it (Hosting/ListenerGuard.cs).
        services.AddListenerGuard();
        services.AddRazorComponents();

        // Secure whenever the request is HTTPS (outside Development: always, directly or from a known proxy).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ExplainProblems);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddValidation();
        services.AddOpenApi(ApiDocument.Configure);
        services.AddHealthChecks();

        // A query value or body the API cannot bind becomes an exception that ApiExceptionHandler answers with its reason.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddOutputCache(o =>
        {
            o.AddPolicy(OutputCachePolicies.Guides, new GuidePagesCachePolicy());

            // Guide pages and searches are 5-20 KB: 16 MB keeps about a thousand of them, and any flood of distinct
            // searches stays far below the managed heap's ceiling (System.GC.HeapHardLimit in the project file).
            o.SizeLimit = 16 * 1024 * 1024;
        });
        services.AddWebDelivery();

        AddReverseProxy(builder);

        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicies.Writes, context =>
            {
                // One policy on every page and API endpoint: reads pass free, every write (API call or form post) counts.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.WritesPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            o.OnRejected = WriteTooManyRequests;
        });
        return builder;
    }

    public static WebApplication UseWebFrontEnd(this WebApplication app)
    {
        // First: the rate limiter, HTTPS redirection and logs must see the client, not the proxy.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();

        // Pages show the site's own error and not-found pages; the API answers every error with problem details
        // (ApiExceptionHandler for exceptions, the inner status code pages for empty 4xx/5xx responses).
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        else
        {
            app.UseWhen(IsApi, api => api.UseExceptionHandler());
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseErrorPagesAsGet();

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLimits();
        app.UseJsonCharset();
        app.UseRateLimiter();
        // Outside the output cache: a cached page is stored once and compressed for each client that accepts it.
        app.UseResponseCompression();
        app.UseOutputCache();
        app.UsePersonalDataNoStore();
        app.UsePublicContentTags();
        app.UseAntiforgery();
        app.UseExpiredFormRecovery();
        return app;
    }

    private static void AddReverseProxy(WebApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        var (addresses, invalid) = proxy.Parse();
        if (invalid is not null)
        {
            throw new InvalidOperationException($"ReverseProxy:KnownProxies has '{invalid}', which is not an IP address.");
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();

            // With both lists empty the middleware would believe every sender: without a configured proxy, believe nobody.
            o.ForwardedHeaders = addresses.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in addresses)
            {
                o.KnownProxies.Add(address);
            }
        });
    }

    public static WebApplication MapWebFrontEnd(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapOpenApi();
        // 200 only when everything is ready: a start still preparing the database (Degraded) is not ready to keep anything.
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapRobots();
        app.MapRazorComponents<App>()
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .Add(AnswerHeadLikeGet);
        return app;
    }

    // Pages answer HEAD as they answer GET (the server sends the headers only); Blazor maps them for GET and POST.
    private static void AnswerHeadLikeGet(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods
            && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
        {
            endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head]));
        }
    }

    // Problems carry a detail a person can act on: a validation problem lists what is wrong, an empty one says what to check.
    private static void ExplainProblems(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null || !IsApi(context.HttpContext))
        {
            return;
        }

        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid)
        {
            // Built-in validation names members as declared (Answers); the API's JSON is camelCase (answers).
            var named = invalid.Errors.GroupBy(e => CamelCase(e.Key), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
            invalid.Errors.Clear();
            foreach (var (key, value) in named)
            {
                invalid.Errors[key] = value;
            }

            problem.Detail = string.Join(" ", invalid.Errors.Take(InputLimits.Problems).SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")));
            return;
        }

        problem.Detail = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request is not valid for this endpoint: check its query values and JSON body against /openapi/v1.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
            StatusCodes.Status404NotFound => "There is nothing at this address in the API.",
            StatusCodes.Status405MethodNotAllowed => "This address does not take that method; see /openapi/v1.json.",
            _ => null,
        };
    }

    private static string CamelCase(string key) =>
        string.Join('.', key.Split('.').Select(part => part.Length > 0 && char.IsUpper(part[0]) ? char.ToLowerInvariant(part[0]) + part[1..] : part));

    internal static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    internal static bool IsApiPath(string? path) => path is not null && new PathString(path).StartsWithSegments("/api");

    /// <summary>
    /// An error or not-found page re-executed for a form post renders as a page view: it never reads (or re-checks) the
    /// form that failed.
    /// </summary>
    private static void UseErrorPagesAsGet(this WebApplication app) =>
        app.Use(static (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
                    || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });

    private const string TooManyRequestsPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<title>Too many requests · InterviewCompass</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main id=\"main\">" +
        "<h1>Too many requests</h1><p role=\"alert\">This browser sent more changes in the last minute than the site accepts, so nothing was changed. " +
        "Please wait a minute, then go back and send it again.</p><p><a href=\"/\">InterviewCompass home</a></p></main></body></html>";

    private static async ValueTask WriteTooManyRequests(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (!IsApi(context))
        {
            // A page's form post: a short page, not JSON.
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(TooManyRequestsPage, cancellationToken);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Please wait a moment before trying again.",
            },
        });
    }
}
