using Microsoft.AspNetCore.Antiforgery;

namespace InterviewCompass.Web.Features.Owners;

/// <summary>
/// Binds every antiforgery token to the owner it was issued to, so a token (and cookie) obtained by someone else, or planted
/// by a sibling host, cannot act for this browser's owner. A token issued before this browser kept anything is accepted for
/// the owner its first save created only outside the history pages (a check or the composer, where the first autosave
/// happens after the page was drawn); the history pages (delete one, delete everything, transfer) need the owner's own token.
/// </summary>
internal sealed class OwnerBoundAntiforgery : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => OwnerOf(context);

    public bool ValidateAdditionalData(HttpContext context, string additionalData)
    {
        var owner = OwnerOf(context);
        return string.Equals(additionalData, owner, StringComparison.Ordinal)
            || (additionalData.Length == 0 && !context.Request.Path.StartsWithSegments("/history"));
    }

    // Reading the cookie is synchronous work (Data Protection); CurrentOwner caches it for the request.
    private static string OwnerOf(HttpContext context) =>
        context.RequestServices.GetRequiredService<CurrentOwner>().GetIdAsync().AsTask().GetAwaiter().GetResult()?.ToString("N") ?? "";
}
