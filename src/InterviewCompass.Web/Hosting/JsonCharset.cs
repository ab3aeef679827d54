using Microsoft.Net.Http.Headers;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// An API body declared JSON is read as UTF-8, the only encoding JSON has (RFC 8259): <c>charset=utf-8</c> in any case or
/// quoting (<c>charset="UTF-8"</c> is valid HTTP) is accepted and passed on in its plain form; any other charset gets 415
/// problem details before the body is read (the framework would otherwise throw on it: a 500).
/// </summary>
internal static class JsonCharset
{
    public static IApplicationBuilder UseJsonCharset(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            if (!FrontEndHosting.IsApi(context) || request.ContentType is not { } contentType
                || !MediaTypeHeaderValue.TryParse(contentType, out var media) || media.Charset.Length == 0)
            {
                return next(context);
            }

            var json = media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);
            if (!json)
            {
                // Not JSON at all: the endpoint answers 415 for it as for any other type.
                return next(context);
            }

            var charset = HeaderUtilities.RemoveQuotes(media.Charset);
            if (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                media.Charset = "utf-8";
                request.ContentType = media.ToString();
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "Unsupported charset",
                    Detail = $"JSON is read as UTF-8 only; send 'Content-Type: application/json' or 'application/json; charset=utf-8', not charset {charset}.",
                },
            }).AsTask();
        });
}
