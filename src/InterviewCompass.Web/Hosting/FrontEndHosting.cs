using InterviewCompass.Web.Components;

namespace InterviewCompass.Web.Hosting;

// Owner: web lane. Razor components, security headers, output cache, problem details, health, rate limits.
internal static class FrontEndHosting
{
    public static WebApplicationBuilder AddWebFrontEnd(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication UseWebFrontEnd(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebFrontEnd(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
