using InterviewCompass.Web.Hosting;

namespace InterviewCompass.Web.Features.Owners;

/// <summary>Owners: the <c>ic-owner</c> cookie, whose request this is, transfer codes and "delete everything".</summary>
internal static class OwnersFeature
{
    public static WebApplicationBuilder AddOwners(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();

        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        // No default scheme: only CurrentOwner reads the cookie, so every other request stays anonymous and cacheable,
        // and an antiforgery token issued before the first save (bound to the anonymous user) still validates after it.
        // A single registered scheme would otherwise become the default on its own.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddCookie(OwnerCookie.Scheme, cookie => OwnerCookie.Configure(cookie, local));

        // Antiforgery tokens are bound to the owner; over HTTPS their cookie is a __Host- cookie too (issue 19).
        services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgeryAdditionalDataProvider, OwnerBoundAntiforgery>();
        if (!local)
        {
            services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o =>
            {
                o.Cookie.Name = OwnerCookie.AntiforgeryHostName;
                o.Cookie.Path = "/";
                // Secure whenever the request is HTTPS (directly or through a trusted proxy). "Always" made every page
                // with a form answer 500 to a plain-HTTP request (the antiforgery system refuses to issue a token there).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }

        services.AddScoped<CurrentOwner>();
        services.AddScoped<TransferCodes>();
        services.AddSingleton<RedeemAttempts>();
        return builder;
    }

    public static WebApplication MapOwners(this WebApplication app)
    {
        // Over HTTPS the owner cookie is __Host-ic-owner; a browser with the old name is moved to it once.
        app.UseOwnerCookieMigration();
        app.MapPersonalApi().MapOwnerApi();
        return app;
    }
}
