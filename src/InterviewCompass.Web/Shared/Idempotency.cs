using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Owners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InterviewCompass.Web.Shared;

/// <summary>How a write with a key starts: run it, answer as the first time, or refuse.</summary>
public abstract record IdempotentStart
{
    /// <summary>Nobody sent this key yet: run the write, then <see cref="Idempotency.CompleteAsync"/>.</summary>
    public sealed record First(Guid Record) : IdempotentStart;

    /// <summary>The write already ran: this is its answer.</summary>
    public sealed record Replay(int Status, string? Location, string? Body) : IdempotentStart;

    /// <summary>The key came with another request (422), or belongs to another browser, or the first is still running (409).</summary>
    public sealed record Refused(int Status, string Detail) : IdempotentStart;
}

/// <summary>
/// "Send it again" without keeping it twice: the first answer to a write sent with an <c>Idempotency-Key</c> (API POSTs)
/// or the check form's one-time key is kept for a day, and a retry with the same key and request gets that answer.
/// A retry that raced the first waits for it. Works across instances: the key's hash is unique in the database.
/// </summary>
public sealed class Idempotency(IDbContextFactory<AppDbContext> contexts, CurrentOwner owner, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

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
                var existing = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.KeyHash == keyHash, cancellationToken);
                if (existing is not null && existing.Created < now - Lifetime)
                {
                    await db.IdempotentRequests.Where(r => r.Created < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
                    existing = null;
                }

                if (existing is null)
                {
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
                        // Another request with this key started a moment ago: look again.
                        continue;
                    }
                }

                if (existing.Status is { } status)
                {
                    return await AnswerAgainAsync(existing, status, requestHash, requestOwner);
                }
            }

            if (waited >= Patience)
            {
                return new IdempotentStart.Refused(StatusCodes.Status409Conflict, $"A request with this {Header} is still running; send it again in a moment.");
            }

            // The first request is still running (a double submit): wait for its answer rather than run it twice.
            await Task.Delay(pause, cancellationToken);
            waited += pause;
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 250));
        }
    }

    public async Task CompleteAsync(Guid record, int status, string? location, string? body, CancellationToken cancellationToken = default)
    {
        var resultOwner = await owner.GetIdAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotentRequests.Where(r => r.Id == record).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, status).SetProperty(r => r.Location, location).SetProperty(r => r.Body, body)
                .SetProperty(r => r.ResultOwner, resultOwner),
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

    private async Task<IdempotentStart> AnswerAgainAsync(IdempotentRequest first, int status, string requestHash, Guid? requestOwner)
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

        // The first answer's cookie may have been lost with it (a reply cut off): give this browser the same owner again.
        if (first.ResultOwner is { } resultOwner && resultOwner != requestOwner)
        {
            await owner.SignInAsync(resultOwner);
        }

        return new IdempotentStart.Replay(status, first.Location, first.Body);
    }
}

/// <summary>The <c>Idempotency-Key</c> endpoint filter of the API's creating POSTs.</summary>
internal static class IdempotentEndpoints
{
    /// <summary>A POST that keeps something: sent again with the same <c>Idempotency-Key</c>, it answers as the first time.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(RunOnceAsync).WithMetadata(new IdempotentMetadata());

    private static async ValueTask<object?> RunOnceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
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
                return new StoredAnswer(replay.Status, replay.Location, replay.Body);
            case IdempotentStart.Refused refused:
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
            var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            var body = answer is IValueHttpResult { Value: { } value } ? JsonSerializer.Serialize(value, value.GetType(), json) : null;
            var location = answer.GetType().GetProperty(nameof(Created.Location))?.GetValue(answer) as string;
            await idempotency.CompleteAsync(record, status, location, body, CancellationToken.None);
        }
        else
        {
            await idempotency.AbandonAsync(record);
        }

        return result;
    }

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

    /// <summary>The first answer, as it was sent.</summary>
    private sealed class StoredAnswer(int status, string? location, string? body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body is not null)
            {
                httpContext.Response.ContentType = "application/json; charset=utf-8";
                await httpContext.Response.WriteAsync(body);
            }
        }
    }
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (its body is buffered to hash it; the OpenAPI document says so).</summary>
internal sealed class IdempotentMetadata;
