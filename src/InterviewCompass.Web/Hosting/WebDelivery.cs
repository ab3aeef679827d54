using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// How responses travel: Brotli and gzip where it pays and is safe, entity tags and 304 on public content, robots.txt.
/// </summary>
/// <remarks>
/// BREACH: a compressed response that holds a secret and also reflects what an attacker can put in the request leaks the
/// secret through its length. Pages with an antiforgery token and pages or API answers with a person's kept data are all
/// marked <see cref="ShowsPersonalDataAttribute"/>, and those are never compressed (they are small; the cost is a few KB).
/// Public pages and the content API hold no secret (guide pages drop the antiforgery cookie and render no form token), so
/// they are compressed. Static assets come precompressed from MapStaticAssets. See docs/ARCHITECTURE.md.
/// </remarks>
internal static class WebDelivery
{
    /// <summary>
    /// What a public answer tells browsers and shared caches (nginx's proxy_cache, deploy/nginx.conf): keep it for 60 s,
    /// then for 60 s more serve it while fetching a fresh copy in the background. Public answers change only with a deploy,
    /// so a deploy is live everywhere at most max-age (plus one request while stale-while-revalidate lasts) after the new
    /// version answers. The entity tag makes each revalidation a 304 (docs/PERFORMANCE.md, deploy/README.md).
    /// </summary>
    public const string PublicCacheControl = "public, max-age=60, stale-while-revalidate=60";

    public static IServiceCollection AddWebDelivery(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "image/svg+xml", "text/markdown"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, NoSecretsCompressionProvider>();
        services.AddSingleton<PublicContentVersion>();
        return services;
    }

    public static IApplicationBuilder UsePublicContentTags(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            var metadata = context.GetEndpoint()?.Metadata;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || metadata?.GetMetadata<PublicContentAttribute>() is null
                || metadata.GetMetadata<ShowsPersonalDataAttribute>() is not null
                || IsEnhancedNavigation(request))
            {
                return next(context);
            }

            var tag = context.RequestServices.GetRequiredService<PublicContentVersion>().EntityTag;
            var headers = context.Response.Headers;
            headers.ETag = tag;
            headers.CacheControl = PublicCacheControl;
            if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == tag))))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }

            // Only a 200 is the public answer the tag names (a missing guide is not).
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (response.StatusCode != StatusCodes.Status200OK)
                {
                    response.Headers.Remove(HeaderNames.ETag);
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });

    public static IEndpointRouteBuilder MapRobots(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", static () =>
            {
                // Pages are welcome: a crawler has no owner cookie, so private pages show it nothing of anyone's (an empty
                // history, a blank composer). The API is data, not pages.
                return Results.Text(
                    "User-agent: *\nDisallow: /api/\nAllow: /\n",
                    "text/plain; charset=utf-8");
            })
            .WithMetadata(new PublicContentAttribute())
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Enhanced navigation fetches carry a per-request framing; they always get a fresh answer.</summary>
    private static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.ContainsKey("blazor-enhanced-nav")
        || request.Headers.Accept.Any(a => a is not null && a.Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase));

    /// <summary>Compresses what the defaults would, except answers that may hold a secret (see the class remarks).</summary>
    private sealed class NoSecretsCompressionProvider(
        IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            context.GetEndpoint()?.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is null && _inner.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _inner.CheckRequestAcceptsCompression(context);
    }
}

/// <summary>
/// One weak entity tag for every public answer of this process: public pages are a pure function of the code and the
/// content, both fixed from start to stop, so a deploy changes the tag and nothing else does.
/// </summary>
internal sealed class PublicContentVersion
{
    public PublicContentVersion(IOptions<ContentOptions> content, IWebHostEnvironment environment)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToByteArray());
        var root = ContentStartup.ResolveRoot(content.Value, environment.ContentRootPath);
        if (Directory.Exists(root))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        EntityTag = $"W/\"{Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 12))}\"";
    }

    public string EntityTag { get; }
}
