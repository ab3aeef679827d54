using System.Text;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Shared;
using Microsoft.OpenApi;

namespace InterviewCompass.Web.Features.History;

/// <summary><c>GET /api/v1/export</c>: everything the owner kept, as JSON or (<c>?format=markdown</c>) a readable file.</summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/export", ExportAsync).WithTags("Export")
            .WithSummary("Everything the owner kept: JSON (the default) or ?format=markdown, a readable file.")
            .Produces<OwnerExport>(StatusCodes.Status200OK, "application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The same 200 as a readable file: a Markdown text (?format=markdown).
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                {
                    content["text/markdown"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The note: every check and draft in words (?format=markdown)." },
                    };
                }

                return Task.CompletedTask;
            });
        return api;
    }

    private static async Task<IResult> ExportAsync(
        OwnerData data, InterviewCompass.Web.Features.Reminders.OwnerReminders reminders, ContentCatalog catalog, VerdictEngine engine, HttpContext http, string? format, CancellationToken ct)
    {
        var markdown = string.Equals(format, "markdown", StringComparison.OrdinalIgnoreCase) || string.Equals(format, "md", StringComparison.OrdinalIgnoreCase);
        if (!markdown && !string.IsNullOrEmpty(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Invalid("Unknown export format.", new Dictionary<string, string[]>
            {
                ["format"] = [$"'{format}' is not a format: use json (the default) or markdown."],
            });
        }

        var export = data.Export() with { Reminders = InterviewCompass.Web.Features.Reminders.ReminderOptionsResponse.Of(await reminders.OptionsAsync(ct)) };
        var stamp = export.ExportedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (markdown)
        {
            // Written as it is read; the owner's rows are read one check or draft at a time.
            return TypedResults.Stream(
                async body =>
                {
                    await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
                    await ExportNote.WriteAsync(export, writer, catalog, engine, ct);
                },
                "text/markdown; charset=utf-8",
                $"interviewcompass-{stamp}.md");
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"interviewcompass-{stamp}.json\"";
        return TypedResults.Ok(export); // System.Text.Json writes IAsyncEnumerable members as it enumerates them
    }
}
