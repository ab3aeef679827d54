using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>Reads a response as the browser would see its document.</summary>
internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
