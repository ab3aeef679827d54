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
        options.Cookie.Name = Name;
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
