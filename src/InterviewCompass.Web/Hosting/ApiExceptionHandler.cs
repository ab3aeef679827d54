using Microsoft.AspNetCore.Diagnostics;

namespace InterviewCompass.Web.Hosting;

/// <summary>An unexpected error in the API becomes a 500 problem details response instead of the HTML error page.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!FrontEndHosting.IsApi(httpContext))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side",
            },
        });
    }
}
