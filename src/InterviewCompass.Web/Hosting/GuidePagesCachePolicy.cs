using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// Output cache for guide pages and guide API reads: content only changes with a restart; varies by the whole query (search, tag).
/// </summary>
/// <remarks>
/// Blazor can issue the antiforgery cookie on a server-rendered page (it did on every page while an interactive render
/// mode was configured), and the default policy refuses to cache a response that sets a cookie. Guide pages have no form, so the policy
/// drops that cookie (and the no-store headers that come with it) and caches the page; any other cookie still
/// prevents caching.
/// </remarks>
internal sealed class GuidePagesCachePolicy : IOutputCachePolicy
{
    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        // Enhanced navigation fetches get a per-request framing header (ssr-framing) and must see
        // "blazor-enhanced-nav: allow" exactly as Blazor wrote it; the output cache hands that header back as
        // "Allow", which blazor.web.js rejects and retries forever. Those fetches are rendered fresh.
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !IsEnhancedNavigation(request);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        // Every query key: the page links back to its own address (skip link), so two addresses never share an entry.
        context.CacheVaryByRules.QueryKeys = "*";
        if (cacheable)
        {
            http.Response.OnStarting(DropAntiforgeryCookie, http);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>blazor.web.js marks its fetches with <c>Accept: text/html; blazor-enhanced-nav=on</c>.</summary>
    private static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.ContainsKey(EnhancedNavigationHeader)
        || request.Headers.Accept.Any(a => a is not null && a.Contains(EnhancedNavigationHeader, StringComparison.OrdinalIgnoreCase));

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private static Task DropAntiforgeryCookie(object state)
    {
        var http = (HttpContext)state;
        var headers = http.Response.Headers;
        var cookies = headers.SetCookie;
        if (StringValues.IsNullOrEmpty(cookies))
        {
            return Task.CompletedTask;
        }

        var antiforgeryCookie = http.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name + "=";
        var others = cookies.Where(c => c is not null && !c.StartsWith(antiforgeryCookie, StringComparison.Ordinal)).ToArray();
        if (others.Length == cookies.Count)
        {
            return Task.CompletedTask;
        }

        headers.SetCookie = new StringValues(others);
        if (others.Length == 0)
        {
            // Antiforgery marks a response no-store when it issues a token; without the token that no longer applies:
            // the page is public, kept by shared caches for a while and revalidated with its entity tag (WebDelivery).
            headers.CacheControl = WebDelivery.PublicCacheControl;
            headers.Remove(HeaderNames.Pragma);
        }

        return Task.CompletedTask;
    }
}
