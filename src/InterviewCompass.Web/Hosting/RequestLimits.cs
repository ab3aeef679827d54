using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http.Features;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// Request bodies are small here: an API body over <see cref="InputLimits.ApiBodyBytes"/> gets 413 before it is read,
/// a page form over <see cref="InputLimits.FormBodyBytes"/> cannot be read (and gets the unreadable-form page).
/// </summary>
internal static class RequestLimits
{
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                await next(context);
                return;
            }

            var api = FrontEndHosting.IsApi(context);
            var limit = api ? InputLimits.ApiBodyBytes : InputLimits.FormBodyBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (api && request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Request too large",
                        Detail = $"The body is {request.ContentLength / 1024} KB; this API accepts at most {limit / 1024} KB.",
                    },
                });
                return;
            }

            if (api && request.Headers.ContainsKey(Idempotency.Header) && context.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is not null)
            {
                // Hashed to tell a retry from a different request with the same key (small: see the limit above).
                request.EnableBuffering(bufferThreshold: (int)limit, bufferLimit: limit);
            }

            await next(context);
        });
}
