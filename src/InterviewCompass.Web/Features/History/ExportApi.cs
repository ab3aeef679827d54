using System.Text;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.History;

/// <summary><c>GET /api/v1/export</c>: everything the owner kept, as JSON or (<c>?format=markdown</c>) a readable file.</summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/export", ExportAsync).WithTags("Export")
            .WithSummary("Everything the owner kept: JSON (the default) or ?format=markdown, a readable file.")
            .Produces<OwnerExport>().Produces(StatusCodes.Status200OK, contentType: "text/markdown");
        return api;
    }

    private static async Task<IResult> ExportAsync(OwnerData data, HttpContext http, string? format, CancellationToken ct)
    {
        var markdown = string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "md", StringComparison.OrdinalIgnoreCase);
        if (!markdown && !string.IsNullOrEmpty(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Invalid("Unknown export format.", new Dictionary<string, string[]>
            {
                ["format"] = [$"'{format}' is not a format: use json (the default) or markdown."],
            });
        }

        var export = await data.ExportAsync(ct);
        var stamp = export.ExportedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (markdown)
        {
            return TypedResults.File(
                Encoding.UTF8.GetBytes(OwnerData.ToMarkdown(export)), "text/markdown; charset=utf-8", $"interviewcompass-{stamp}.md");
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"interviewcompass-{stamp}.json\"";
        return TypedResults.Ok(export);
    }
}
