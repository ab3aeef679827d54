namespace InterviewCompass.Web.Hosting;

// Owner: web lane. Options (content path), ContentCatalog singleton loaded+validated at start,
// VerdictEngine, MessageComposer, DraftLinter, GuideSearch registrations.
internal static class ContentHosting
{
    public static WebApplicationBuilder AddContentCatalog(this WebApplicationBuilder builder) => builder;

    /// <summary>Guides, checklists and messages API (<c>/api/v1</c>) and OpenAPI.</summary>
    public static WebApplication MapContentApi(this WebApplication app) => app;
}
