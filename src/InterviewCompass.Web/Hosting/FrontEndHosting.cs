using System.Globalization;
using System.Threading.RateLimiting;
using InterviewCompass.Web;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Hosting;

/// <summary>Razor components, security headers, problem details, output cache, rate limits, OpenAPI and health.</summary>
internal static class FrontEndHosting
{
    public static WebApplicationBuilder AddWebFrontEnd(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ExplainEmptyProblems);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);

        services.AddOutputCache(o => o.AddPolicy(OutputCachePolicies.Guides, new GuidePagesCachePolicy()));

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
                // A page with a form carries the policy for its posts; looking at it (GET, HEAD) spends nothing.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
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

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(IsApi, api => api.UseStatusCodePages());

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRateLimiter();
        app.UseOutputCache();
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
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
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
        app.MapHealthChecks("/healthz");
        app.MapRazorComponents<App>();
        return app;
    }

    // The framework's own 400 and 415 answers carry no detail; say what to fix.
    private static void ExplainEmptyProblems(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null || !IsApi(context.HttpContext))
        {
            return;
        }

        problem.Detail = problem.Status switch
        {
            StatusCodes.Status400BadRequest => "The request body is missing or is not valid JSON for this endpoint.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
            StatusCodes.Status404NotFound => "There is nothing at this address in the API.",
            _ => null,
        };
    }

    internal static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static async ValueTask WriteTooManyRequests(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
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
