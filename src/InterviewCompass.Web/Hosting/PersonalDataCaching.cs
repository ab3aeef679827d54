using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// The one place <c>Cache-Control: no-store</c> is decided: every page or API endpoint marked
/// <see cref="ShowsPersonalDataAttribute"/> (pages: <c>@attribute [ShowsPersonalData]</c>; API groups: metadata).
/// </summary>
internal static class PersonalDataCaching
{
    public static IApplicationBuilder UsePersonalDataNoStore(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ShowsPersonalDataAttribute>() is not null)
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return next(context);
        });
}
