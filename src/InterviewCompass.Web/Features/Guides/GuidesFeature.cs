using InterviewCompass.Web.Hosting;

namespace InterviewCompass.Web.Features.Guides;

/// <summary>Guides: the pages (Razor components) and <c>/api/v1/guides</c>. Search is built on the content catalog (ContentHosting).</summary>
internal static class GuidesFeature
{
    public static WebApplication MapGuides(this WebApplication app)
    {
        app.MapPublicApi().MapGuidesApi();
        return app;
    }
}
