using InterviewCompass.Core.Content;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Offline;

/// <summary>What the service worker keeps for offline use: <c>GET /api/v1/offline</c>.</summary>
/// <param name="Version">Names the cache: a new version replaces the old one.</param>
/// <param name="Urls">Pages and data to keep; the worker also keeps the scripts, styles and icons these pages use.</param>
public sealed record OfflineManifest(string Version, IReadOnlyList<string> Urls);

internal static class OfflineApi
{
    /// <summary>Loaded by other modules with a plain relative import, so not fingerprinted: listed here by name.</summary>
    private static readonly string[] Modules =
    [
        "/js/json-client.js", "/js/outbox.js", "/js/verdict-engine.js", "/js/verdict-view.js", "/js/card-filler.js", "/js/check-verdict.js",
        "/js/read-aloud.js", "/js/message-composer.js", "/js/composer-findings.js", "/js/composer-actions.js", "/js/composer-save.js",
        "/js/unsaved-list.js", "/js/reminders.js", "/js/calendar.js",
    ];

    /// <summary>The templates the composer fills with no connection.</summary>
    internal const string MessagesPath = "/api/v1/messages";

    private static readonly string[] Shell = ["/", OfflinePage.Path, "/guides", "/manifest.webmanifest"];

    public static RouteGroupBuilder MapOfflineApi(this RouteGroupBuilder api)
    {
        api.MapGet("/offline", Get)
            .WithTags("Offline")
            .WithName("GetOfflineManifest")
            .WithSummary("The app's version and the pages and data a browser keeps to work offline (no personal data).");
        return api;
    }

    private static Ok<OfflineManifest> Get(ContentCatalog catalog, AppVersion version) =>
        TypedResults.Ok(new OfflineManifest(version.Value, UrlsFor(catalog)));

    internal static string[] UrlsFor(ContentCatalog catalog) =>
    [
        .. Shell,
        .. Modules,
        .. catalog.Guides.Select(g => $"/guides/{Uri.EscapeDataString(g.Id)}"),
        .. catalog.Checklists.Select(c => $"/check/{Uri.EscapeDataString(c.Id)}"),
        .. catalog.Checklists.SelectMany(c => c.Starts.Select(s => ChecklistsApi.StartHref(c.Id, s.Id))),
        .. catalog.Checklists.Select(c => $"/api/v1/checklists/{Uri.EscapeDataString(c.Id)}"),
        // The cheat sheets: the pages made to keep.
        .. catalog.Checklists.Select(c => $"/check/{Uri.EscapeDataString(c.Id)}/cheat-sheet"),
        // One composer page: js/composer.js shows the kind, tone and situation a /drafts/new?kind=... address asks for.
        AppLinks.NewDraftPath,
        MessagesPath,
    ];
}
