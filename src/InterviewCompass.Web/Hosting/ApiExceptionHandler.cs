using InterviewCompass.Web.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace InterviewCompass.Web.Hosting;

/// <summary>
/// Every exception in an API call becomes problem details with its real status: a request the framework could not read
/// (400, 413, 415) says why; a write that lost a race is 409; a database that cannot be written (full disk, read-only) is 503
/// with <c>Retry-After</c>; anything else is 500 and logged as an error.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, StorageHealth storage, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>What a client is told to wait when the database cannot be written (a full disk, a read-only file).</summary>
    public static readonly TimeSpan UnwritableRetryAfter = TimeSpan.FromSeconds(60);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var unwritable = StorageErrors.IsUnavailable(exception);
        if (unwritable)
        {
            // Pages and API alike: /healthz says so for a minute.
            storage.RecordUnwritable();
        }

        // By now the middleware has rewritten the path to the error page: the request's own path is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (!FrontEndHosting.IsApiPath(path) || httpContext.Response.HasStarted)
        {
            return false;
        }

        var (status, title, detail) = exception switch
        {
            _ when unwritable => (
                StatusCodes.Status503ServiceUnavailable,
                "Cannot save right now",
                "The server cannot write to its database at the moment (its disk is full or read-only), so nothing was changed. Send it again in a minute."),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", bad.Message),
            _ when StorageErrors.IsConflict(exception) => (
                StatusCodes.Status409Conflict,
                "Changed at the same time",
                "Something else changed this at the same moment (another tab, device or a delete), so this request changed nothing. Load it again and repeat the change."),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side", (string?)null),
        };

        if (unwritable)
        {
            httpContext.Response.Headers.RetryAfter = ((int)UnwritableRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            LogUnwritable(logger, httpContext.Request.Method, path, exception.GetBaseException().Message);
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            LogFailed(logger, exception, httpContext.Request.Method, path);
        }
        else if (status == StatusCodes.Status409Conflict)
        {
            LogConflict(logger, exception, httpContext.Request.Method, path);
        }
        else
        {
            LogRefused(logger, httpContext.Request.Method, path, status, exception.Message);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string? path);

    [LoggerMessage(Level = LogLevel.Error, Message = "API {Method} {Path}: the database cannot be written ({Reason}); answered 503")]
    private static partial void LogUnwritable(ILogger logger, string method, string? path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API {Method} {Path} lost a race with another write; answered 409")]
    private static partial void LogConflict(ILogger logger, Exception exception, string method, string? path);

    [LoggerMessage(Level = LogLevel.Information, Message = "API {Method} {Path} refused with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string? path, int status, string reason);
}
