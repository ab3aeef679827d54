using System.Security.Claims;
using System.Security.Cryptography;
using InterviewCompass.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Owners;

/// <summary>
/// The one place that knows whose request this is. Reads the owner id from the owner cookie, hands out
/// database contexts that see only that owner's rows, and issues the cookie on the first save.
/// </summary>
/// <remarks>
/// In an interactive circuit there is no request: the owner is the one whose cookie opened the circuit, and a
/// first save cannot issue a cookie there (save through a form post or the API first).
/// </remarks>
public sealed class CurrentOwner(
    IHttpContextAccessor httpContextAccessor,
    IDbContextFactory<AppDbContext> contexts,
    TimeProvider clock,
    IServiceProvider services)
{
    private Guid? _issued;

    /// <summary>The owner id, or null when this browser has kept nothing yet.</summary>
    public Guid? Id => _issued ?? OwnerCookie.OwnerIdOf(httpContextAccessor.HttpContext?.User ?? CircuitUser());

    /// <summary>A context scoped to this owner (one with no owner sees nothing). Dispose it: <c>await using</c>.</summary>
    public async Task<AppDbContext> OpenAsync(CancellationToken cancellationToken = default)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.OwnerScope = Id;
        return db;
    }

    /// <summary>
    /// The owner id for a save: the cookie's, or a new random 128-bit id whose cookie is issued now.
    /// Makes sure the owner row exists (it is gone after "delete everything" from another browser).
    /// </summary>
    public async Task<Guid> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var id = Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.OwnerScope = id;
        if (id is { } existing && await db.Owners.AnyAsync(cancellationToken))
        {
            return existing;
        }

        var ownerId = id ?? new Guid(RandomNumberGenerator.GetBytes(16));
        db.Owners.Add(new Owner { Id = ownerId, Created = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        if (id is null)
        {
            await SignInAsync(ownerId);
        }

        return ownerId;
    }

    /// <summary>Gives this browser the owner's cookie (first save, or a redeemed transfer code).</summary>
    public async Task SignInAsync(Guid ownerId)
    {
        var http = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("The owner cookie can only be issued during an HTTP request.");
        await http.SignInAsync(OwnerCookie.Scheme, OwnerCookie.PrincipalFor(ownerId), OwnerCookie.Persistent);
        _issued = ownerId;
    }

    /// <summary>Removes the owner cookie from this browser.</summary>
    public async Task SignOutAsync()
    {
        var http = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("The owner cookie can only be cleared during an HTTP request.");
        await http.SignOutAsync(OwnerCookie.Scheme);
        _issued = null;
        http.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    private ClaimsPrincipal? CircuitUser()
    {
        try
        {
            var state = services.GetService<AuthenticationStateProvider>()?.GetAuthenticationStateAsync();
            return state is { IsCompletedSuccessfully: true } ? state.Result.User : null;
        }
        catch (InvalidOperationException)
        {
            // Neither a request nor a circuit (e.g. a background task): no owner.
            return null;
        }
    }
}
