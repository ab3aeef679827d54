using InterviewCompass.Core.Content;
using InterviewCompass.Core.Guides;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Guides;

internal static class GuidesApi
{
    public static RouteGroupBuilder MapGuidesApi(this RouteGroupBuilder api)
    {
        var guides = api.MapGroup("/guides").WithTags("Guides");
        guides.MapGet("/", List)
            .WithName("ListGuides")
            .WithSummary("Every guide, or those matching a search (best match first) and a tag.")
            .CacheOutput(OutputCachePolicies.Guides);
        guides.MapGet("/{id}", Get)
            .WithName("GetGuide")
            .WithSummary("One guide: metadata, sections with anchors, related links and the article HTML.")
            .CacheOutput(OutputCachePolicies.Guides);
        return api;
    }

    private static Ok<GuideListItem[]> List(string? q, string? tag, GuideSearch search) =>
        TypedResults.Ok(search.Search(q, tag)
            .Select(h => new GuideListItem(h.Guide.Id, h.Guide.Title, h.Guide.Summary, h.Guide.Tags, h.Guide.Reviewed, h.Score, $"/guides/{h.Guide.Id}",
                h.Snippet is { Count: > 0 } snippet ? [.. snippet.Select(s => new SnippetSegmentModel(s.Text, s.Matched))] : null))
            .ToArray());

    private static Results<Ok<GuideDetail>, ProblemHttpResult> Get(string id, ContentCatalog catalog)
    {
        if (!catalog.GuidesById.TryGetValue(id, out var guide))
        {
            return ApiProblems.NotFound("guide", id);
        }

        return TypedResults.Ok(new GuideDetail(
            guide.Id,
            guide.Title,
            guide.Summary,
            guide.Tags,
            guide.Reviewed,
            [.. guide.Sections.Select(s => new GuideSectionModel(s.Anchor, s.Title, new GuideLink(guide.Id, s.Anchor).Href))],
            RelatedLinks.For(catalog, guide),
            guide.Html));
    }
}
