using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InterviewCompass.Web.Features.Owners;

/// <summary>
/// The anonymous owner cookie: the cookie authentication handler with a principal holding only the
/// owner id, so the id travels encrypted and signed by Data Protection (never readable as a plain id).
/// </summary>
internal static class OwnerCookie
{
    public const string Scheme = "owner";
    public const string Name = "ic-owner";

    /// <summary>
    /// The name served over HTTPS (outside Development and Testing): a <c>__Host-</c> cookie is secure, for this host only and
    /// for every path, so a sibling host cannot set or replace it.
    /// </summary>
    public const string HostName = "__Host-" + Name;

    /// <summary>The antiforgery cookie's name over HTTPS (the framework's default name elsewhere).</summary>
    public const string AntiforgeryHostName = "__Host-ic-antiforgery";
    public const string OwnerIdClaim = "owner";

    /// <summary>Browsers cap cookie lifetime at 400 days; each visit slides it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);

    public static ClaimsPrincipal PrincipalFor(Guid ownerId) =>
        new(new ClaimsIdentity([new Claim(OwnerIdClaim, ownerId.ToString("N"))], Scheme, OwnerIdClaim, null));

    public static Guid? OwnerIdOf(ClaimsPrincipal? user)
    {
        var value = user?.FindFirst(OwnerIdClaim)?.Value;
        return Guid.TryParseExact(value, "N", out var id) ? id : null;
    }

    public static void Configure(CookieAuthenticationOptions options, bool sameAsRequest)
    {
        options.Cookie.Name = sameAsRequest ? Name : HostName;
        options.Cookie.Path = "/";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = sameAsRequest ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;

        // Nothing here requires an owner: never redirect to a login page that does not exist.
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    public static AuthenticationProperties Persistent => new() { IsPersistent = true };
}

/// <summary>
/// Moves a browser from the old owner cookie name to <see cref="OwnerCookie.HostName"/> once: a request that brings only the
/// old cookie is read with it, answered with the new cookie, and the old one is deleted.
/// </summary>
internal static class OwnerCookieMigration
{
    public static IApplicationBuilder UseOwnerCookieMigration(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            var cookies = context.Request.Cookies;
            if (cookies.ContainsKey(OwnerCookie.HostName) || !cookies.TryGetValue(OwnerCookie.Name, out var old)
                || !context.Request.IsHttps || IsLocal(context))
            {
                await next(context);
                return;
            }

            var header = string.Join("; ", context.Request.Headers.Cookie.ToString().Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(c => !c.StartsWith(OwnerCookie.Name + "=", StringComparison.Ordinal))
                .Append($"{OwnerCookie.HostName}={old}"));
            context.Request.Headers.Cookie = header;
            var result = await context.AuthenticateAsync(OwnerCookie.Scheme);
            if (result.Succeeded)
            {
                await context.SignInAsync(OwnerCookie.Scheme, result.Principal, OwnerCookie.Persistent);
            }

            context.Response.Cookies.Delete(OwnerCookie.Name, new CookieOptions { Path = "/" });
            await next(context);
        });

    private static bool IsLocal(HttpContext context)
    {
        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
        return environment.IsDevelopment() || environment.IsEnvironment("Testing");
    }
}
