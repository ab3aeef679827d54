using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// A page form whose antiforgery token no longer validates (cookies cleared, a very old tab) would get an empty 400.
/// Instead the browser is sent back to the page with <c>?expired=1</c>, nothing is changed, and the layout says so;
/// checklist answers ride along in the page's <c>?a=</c> address so nobody answers twice.
/// Only a post from this site's own pages is recovered (<see cref="SameOrigin"/>): another site's post gets the page with
/// nothing of it.
/// A form that cannot be read at all (a NUL, a key over 2,048 characters, over 1,024 fields, too large) gets the page
/// again with 400 and <c>?unreadable=1</c>, which the layout explains; nothing of it is read again.
/// </summary>
internal static class ExpiredForms
{
    public const string Parameter = "expired";

    public const string UnreadableParameter = "unreadable";

    private const string AnswerPrefix = "Answer[";

    /// <summary>
    /// Where a composer form that expired is handed to the page (<c>HttpContext.Items</c>): a note is too long to ride in
    /// an address, so the page is drawn again in this same request with the person's text, and nothing is saved.
    /// </summary>
    public static readonly object RecoveredForm = new();

    public static WebApplication UseExpiredFormRecovery(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && !FrontEndHosting.IsApi(context)
                && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // The form was read while checking the token and is refused while the failure is on record. Nothing of
                // it is acted on here: it only fills the page in again, so the record is dropped to read it.
                context.Features.Set<IAntiforgeryValidationFeature>(null);
                var form = context.Request.HasFormContentType ? context.Features.Get<IFormFeature>()?.Form : FormCollection.Empty;
                if (form is null)
                {
                    // Reading it failed while checking the token; reading again would fail again (or read half of it).
                    context.Request.Method = HttpMethods.Get;
                    context.Request.QueryString = new QueryString($"?{UnreadableParameter}=1");
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return next(context);
                }

                if (!SameOrigin(context.Request))
                {
                    // Another site's post (no valid token is what such a post looks like): nothing of it reaches the page, or
                    // another site could fill the composer or a check with its own words.
                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    context.Response.Headers.Location = $"{context.Request.Path.Value}?{Parameter}=1";
                    return Task.CompletedTask;
                }

                if (context.Request.Path.StartsWithSegments("/drafts"))
                {
                    context.Items[RecoveredForm] = form;
                    context.Request.Method = HttpMethods.Get;
                    context.Request.QueryString = context.Request.QueryString.Add(Parameter, "1");
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = BackTo(context.Request.Path, form);
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The post did not come from another site: <c>Sec-Fetch-Site</c> says same-origin (or none), or, from a browser that
    /// does not send it, <c>Origin</c> is this site. Every browser sends one of the two with a form post, so a post with
    /// neither is no other site's page acting in a person's browser (a script, a test client).
    /// </summary>
    internal static bool SameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) || site.Equals("none", StringComparison.OrdinalIgnoreCase);
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string BackTo(PathString path, IFormCollection form)
    {
        var answers = form
            .Where(f => f.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal) && f.Key.EndsWith(']') && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => $"{Uri.EscapeDataString(f.Key[AnswerPrefix.Length..^1])}:{Uri.EscapeDataString(f.Value.ToString())}")
            .ToList();
        var query = answers.Count == 0 ? $"?{Parameter}=1" : $"?{Parameter}=1&a={string.Join(',', answers)}";
        return path.Value + query;
    }
}
