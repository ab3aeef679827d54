using System.Security.Cryptography;
using System.Text;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Owners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Shared;

/// <summary>How a write with a key starts: run it, answer about what it did the first time, or refuse.</summary>
public abstract record IdempotentStart
{
    /// <summary>Nobody sent this key yet: run the write, then <see cref="Idempotency.CompleteAsync"/>.</summary>
    public sealed record First(Guid Record) : IdempotentStart;

    /// <summary>The write already ran: its status and what it created (read again: the answer is what is kept now).</summary>
    public sealed record Replay(int Status, string? Location) : IdempotentStart;

    /// <summary>
    /// The key came with another request (422), belongs to another browser or the first is still running (409, with when to
    /// try again), or what it kept was deleted since (410).
    /// </summary>
    public sealed record Refused(int Status, string Detail, TimeSpan? RetryAfter = null) : IdempotentStart;
}

/// <summary>
/// "Send it again" without keeping it twice: a write sent with an <c>Idempotency-Key</c> (API POSTs) or the check form's
/// one-time key leaves a record of what it did (hashes, status, the id of what it created: never the person's words, see
/// <see cref="IdempotentRequest"/>) for a day, and a retry with the same key and request gets what that write created,
/// as it is now. A retry that raced the first waits for it; a first whose process died is taken over after
/// <see cref="Lease"/>. Works across instances: the key's hash is unique in the database.
/// </summary>
public sealed partial class Idempotency(IDbContextFactory<AppDbContext> contexts, CurrentOwner owner, TimeProvider clock, ILogger<Idempotency> logger)
{
    public const string Header = "Idempotency-Key";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>
    /// A first request still without an answer this long after it started is taken to have died with its process (a crash,
    /// a kill): the next retry deletes its record and runs the write. A save takes milliseconds; this leaves a wide margin.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public async Task<IdempotentStart> BeginAsync(string key, string requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyHash = Hash(key);
        var requestOwner = await owner.GetIdAsync();
        var waited = TimeSpan.Zero;
        var pause = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var now = clock.GetUtcNow();

                // The insert is the check: the key's hash is unique, so of two requests with one key exactly one inserts.
                var record = new IdempotentRequest
                {
                    Id = Guid.NewGuid(),
                    KeyHash = keyHash,
                    RequestHash = requestHash,
                    RequestOwner = requestOwner,
                    Created = now,
                };
                db.IdempotentRequests.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new IdempotentStart.First(record.Id);
                }
                catch (DbUpdateException e) when (StorageErrors.IsConflict(e))
                {
                    // Expected: a retry or a double submit. Information, not an error (EF Core's own log of it is Debug).
                    LogKeySeen(logger, keyHash[..12]);
                }

                db.ChangeTracker.Clear();
                var existing = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.KeyHash == keyHash, cancellationToken);
                if (existing is null)
                {
                    // Abandoned or expired a moment ago: try again.
                    continue;
                }

                if (existing.Status is { } status)
                {
                    if (existing.Created < now - Lifetime)
                    {
                        // Older than promised: gone already for every purpose, whether or not the cleanup has run yet.
                        await db.IdempotentRequests.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(cancellationToken);
                        continue;
                    }

                    return await AnswerAgainAsync(db, existing, status, requestHash, requestOwner, cancellationToken);
                }

                if (existing.Created <= now - Lease)
                {
                    // Nobody will ever answer it (its process died): take it over, so this retry gets a definite answer.
                    await db.IdempotentRequests.Where(r => r.Id == existing.Id && r.Status == null).ExecuteDeleteAsync(cancellationToken);
                    LogTakenOver(logger, keyHash[..12], now - existing.Created);
                    continue;
                }

                if (waited >= Patience)
                {
                    return new IdempotentStart.Refused(
                        StatusCodes.Status409Conflict,
                        $"A request with this {Header} is still running; send it again in a moment.",
                        existing.Created + Lease - now);
                }
            }

            // The first request is still running (a double submit): wait for its answer rather than run it twice.
            await Task.Delay(pause, cancellationToken);
            waited += pause;
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    /// <summary>Records what the write did: its status and the address (or id) of what it created. No body, no words.</summary>
    public async Task CompleteAsync(Guid record, int status, string? location, CancellationToken cancellationToken = default)
    {
        var resultOwner = await owner.GetIdAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotentRequests.Where(r => r.Id == record).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Location, location).SetProperty(r => r.ResultOwner, resultOwner),
            cancellationToken);
    }

    /// <summary>The write failed or was refused: a retry with the key runs it again.</summary>
    public async Task AbandonAsync(Guid record)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.IdempotentRequests.Where(r => r.Id == record).ExecuteDeleteAsync(CancellationToken.None);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<IdempotentStart> AnswerAgainAsync(
        AppDbContext db, IdempotentRequest first, int status, string requestHash, Guid? requestOwner, CancellationToken cancellationToken)
    {
        // The key is a secret of the browser that sent it: another owner's retry never sees the answer.
        var sameBrowser = first.RequestOwner == requestOwner
            || (first.RequestOwner is null && (requestOwner is null || requestOwner == first.ResultOwner))
            || (requestOwner is not null && requestOwner == first.ResultOwner);
        if (!sameBrowser)
        {
            return new IdempotentStart.Refused(StatusCodes.Status409Conflict, $"This {Header} was already used; send a new one with each new request.");
        }

        if (first.RequestHash != requestHash)
        {
            return new IdempotentStart.Refused(
                StatusCodes.Status422UnprocessableEntity, $"This {Header} was already used with a different request; send a new key with each new request.");
        }

        if (first.ResultOwner is { } resultOwner)
        {
            // Deleted since ("delete everything" here or on another device): no cookie for an owner that is gone.
            if (!await db.Owners.IgnoreQueryFilters().AnyAsync(o => o.Id == resultOwner, cancellationToken))
            {
                return new IdempotentStart.Refused(StatusCodes.Status410Gone, Gone);
            }

            // The first answer's cookie may have been lost with it (a reply cut off): give this browser the same owner again.
            if (resultOwner != requestOwner)
            {
                await owner.SignInAsync(resultOwner);
            }
        }

        return new IdempotentStart.Replay(status, first.Location);
    }

    internal const string Gone = "What the first request with this key kept has been deleted since; nothing was kept again. Send a new request with a new key to keep it again.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key {KeyHash}... seen again (a retry or a double submit)")]
    private static partial void LogKeySeen(ILogger logger, string keyHash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency key {KeyHash}... had no answer after {Age}: its first request died; a retry takes it over")]
    private static partial void LogTakenOver(ILogger logger, string keyHash, TimeSpan age);
}

/// <summary>The <c>Idempotency-Key</c> endpoint filter of the API's creating POSTs.</summary>
internal static class IdempotentEndpoints
{
    /// <summary>
    /// A POST that keeps something: sent again with the same <c>Idempotency-Key</c>, it answers about what the first one
    /// kept, read again by <paramref name="current"/> (from the first answer's status and the address of what it created or
    /// changed; null: it is gone, 410).
    /// </summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder, Func<HttpContext, IdempotentStart.Replay, Task<IResult?>> current) =>
        builder.AddEndpointFilter((context, next) => RunOnceAsync(context, next, current)).WithMetadata(new IdempotentMetadata());

    private static async ValueTask<object?> RunOnceAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, Func<HttpContext, IdempotentStart.Replay, Task<IResult?>> current)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Idempotency.Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > InputLimits.IdempotencyKey)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad Idempotency-Key",
                detail: $"Send one {Idempotency.Header} of 1 to {InputLimits.IdempotencyKey} characters, e.g. a new UUID for each request.");
        }

        var idempotency = http.RequestServices.GetRequiredService<Idempotency>();
        var start = await idempotency.BeginAsync(key, await RequestHashAsync(http.Request), http.RequestAborted);
        switch (start)
        {
            case IdempotentStart.Replay replay:
                return await current(http, replay) ?? GoneProblem();
            case IdempotentStart.Refused { Status: StatusCodes.Status410Gone }:
                return GoneProblem();
            case IdempotentStart.Refused refused:
                if (refused.RetryAfter is { } retryAfter)
                {
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return TypedResults.Problem(statusCode: refused.Status, title: "Idempotency-Key already used", detail: refused.Detail);
        }

        var record = ((IdempotentStart.First)start).Record;
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await idempotency.AbandonAsync(record);
            throw;
        }

        // Results<A, B> wraps the answer the handler chose.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status })
        {
            // The address of what was created (Created's Location), or of what was changed (an answer with an id).
            var location = answer.GetType().GetProperty(nameof(Created.Location))?.GetValue(answer) as string
                ?? (answer is IValueHttpResult { Value: { } value } && value.GetType().GetProperty("Id")?.GetValue(value) is Guid id
                    ? $"{http.Request.Path.Value?.TrimEnd('/')}/{id}"
                    : null);
            await idempotency.CompleteAsync(record, status, location, CancellationToken.None);
        }
        else
        {
            await idempotency.AbandonAsync(record);
        }

        return result;
    }

    private static ProblemHttpResult GoneProblem() =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Deleted since", detail: Idempotency.Gone);

    /// <summary>The address's last segment as an id (<c>/api/v1/drafts/{id}</c>).</summary>
    public static Guid? IdOf(string? location) =>
        location is not null && Guid.TryParse(location.AsSpan(location.LastIndexOf('/') + 1), out var id) ? id : null;

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        // The body was buffered for this (see RequestLimits) and is at most ApiBodyBytes long.
        using var buffer = new MemoryStream();
        await buffer.WriteAsync(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            await request.Body.CopyToAsync(buffer);
        }

        return Idempotency.Hash(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (its body is buffered to hash it; the OpenAPI document says so).</summary>
internal sealed class IdempotentMetadata;
