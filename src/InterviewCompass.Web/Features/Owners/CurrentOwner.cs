using System.Security.Cryptography;
using InterviewCompass.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.Owners;

/// <summary>
/// The one place that knows whose request this is. Reads the owner id from the owner cookie, hands out
/// database contexts that see only that owner's rows, and issues the cookie on the first save.
/// </summary>
/// <remarks>
/// The cookie is read only here, on demand, and never becomes the request's user: pages that show no personal
/// data (guides) stay anonymous, so they can be output-cached and pay nothing for the cookie. Needs an HTTP
/// request: every page and API call has one (the app has no interactive circuit).
/// </remarks>
public sealed class CurrentOwner(
    IHttpContextAccessor httpContextAccessor,
    IDbContextFactory<AppDbContext> contexts,
    TimeProvider clock)
{
    private bool _resolved;
    private Guid? _id;

    /// <summary>The owner id, or null when this browser has kept nothing yet (or its cookie is not valid).</summary>
    public async ValueTask<Guid?> GetIdAsync()
    {
        if (!_resolved && httpContextAccessor.HttpContext is { } http)
        {
            var result = await http.AuthenticateAsync(OwnerCookie.Scheme);
            _id = result.Succeeded ? OwnerCookie.OwnerIdOf(result.Principal) : null;
            _resolved = true;
        }

        return _id;
    }

    /// <summary>A context scoped to this owner (one with no owner sees nothing). Dispose it: <c>await using</c>.</summary>
    public async Task<AppDbContext> OpenAsync(CancellationToken cancellationToken = default)
    {
        var id = await GetIdAsync();
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.OwnerScope = id;
        return db;
    }

    /// <summary>
    /// The owner id for a save into <paramref name="db"/> (a context from <see cref="OpenAsync"/>): the cookie's, or a new
    /// random 128-bit id whose owner row is stored and whose cookie is issued now; <paramref name="db"/> is then scoped to
    /// it. A cookie whose owner was deleted ("delete everything", here or on another device) gets a new id too, never its
    /// old one back: a device still holding the old cookie does not see what is kept from now on. One context serves the
    /// check and the save that follows it (docs/PERFORMANCE.md).
    /// </summary>
    public async Task<Guid> EnsureAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = await GetIdAsync();
        db.OwnerScope = id;
        if (id is { } existing && await db.Owners.AnyAsync(cancellationToken))
        {
            return existing;
        }

        var ownerId = new Guid(RandomNumberGenerator.GetBytes(16));
        db.Owners.Add(new Owner { Id = ownerId, Created = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        db.OwnerScope = ownerId;
        await SignInAsync(ownerId);
        return ownerId;
    }

    /// <summary>Gives this browser the owner's cookie (first save, or a redeemed transfer code).</summary>
    public async Task SignInAsync(Guid ownerId)
    {
        var http = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("The owner cookie can only be issued during an HTTP request.");
        await http.SignInAsync(OwnerCookie.Scheme, OwnerCookie.PrincipalFor(ownerId), OwnerCookie.Persistent);
        _id = ownerId;
        _resolved = true;
    }

    /// <summary>
    /// Asks the browser to drop what this site keeps in it (<c>Clear-Site-Data: "storage"</c>): local storage (the composer's
    /// kept drafts, the outbox), IndexedDB, Cache Storage and the service worker, which registers again on the next page.
    /// Not "cache": pages with personal data are never cached (no-store), so the HTTP cache holds nothing of the person.
    /// </summary>
    public void ClearBrowserStorage()
    {
        var http = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("Browser storage can only be cleared during an HTTP request.");
        http.Response.Headers["Clear-Site-Data"] = "\"storage\"";
    }

    /// <summary>Removes the owner cookie from this browser.</summary>
    public async Task SignOutAsync()
    {
        var http = httpContextAccessor.HttpContext
            ?? throw new InvalidOperationException("The owner cookie can only be cleared during an HTTP request.");
        await http.SignOutAsync(OwnerCookie.Scheme);
        _id = null;
        _resolved = true;
    }
}
