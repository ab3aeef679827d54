using System.Security.Cryptography;
using System.Text;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.History;
using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Features.Owners;

/// <summary>What trying a transfer code did.</summary>
public enum RedeemResult
{
    Redeemed,
    Invalid,
    TooManyAttempts,
}

/// <summary>A code to type into another browser, and when it stops working.</summary>
public sealed record IssuedTransferCode(string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// "Keep this on another device": a short-lived, single-use code that gives a second browser the owner's
/// cookie. Only a hash of the code is stored.
/// </summary>
public sealed class TransferCodes(
    CurrentOwner owner, IDbContextFactory<AppDbContext> contexts, TimeProvider clock, RedeemAttempts attempts, IHttpContextAccessor http)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // No 0/O, 1/I/L: easy to read aloud and type on a phone. 8 of 31 symbols is about 40 bits, enough for a
    // code that lives ten minutes, works once and is rate-limited.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<IssuedTransferCode> CreateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await owner.OpenAsync(cancellationToken);
        var ownerId = await owner.EnsureAsync(db, cancellationToken);
        var raw = RandomNumberGenerator.GetString(Alphabet, 8);
        var now = clock.GetUtcNow();
        var expiresAt = now + Lifetime;
        db.TransferCodes.Add(new TransferCode
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            CodeHash = Hash(raw),
            Created = now,
            ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedTransferCode($"{raw[..4]}-{raw[4..]}", expiresAt);
    }

    /// <summary>
    /// Gives this browser the code's owner, with what this browser kept before merged in, unless the code is unknown, used or
    /// expired, or tried too often.
    /// </summary>
    public async Task<RedeemResult> RedeemAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(code);
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!attempts.TryAttempt(client, normalized))
        {
            return RedeemResult.TooManyAttempts;
        }

        if (normalized is null)
        {
            return RedeemResult.Invalid;
        }

        var hash = Hash(normalized);
        var now = clock.GetUtcNow();

        // Deliberately outside the owner filter: the code is what identifies the owner here.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var transfer = await db.TransferCodes.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(t => t.CodeHash == hash, cancellationToken);
        if (transfer is null || transfer.UsedAt is not null || transfer.ExpiresAt <= now)
        {
            return RedeemResult.Invalid;
        }

        // What this browser kept before is merged into the history it joins, in the same transaction as the claim:
        // nothing stays behind that nobody can reach or delete, and this browser's old cookie reads nothing any more.
        var mine = await owner.GetIdAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Single use even when two browsers race: only one update finds it unused.
        var claimed = await db.TransferCodes.IgnoreQueryFilters()
            .Where(t => t.Id == transfer.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return RedeemResult.Invalid;
        }

        if (mine is { } from && from != transfer.OwnerId)
        {
            await OwnerTables.MoveAsync(db, from, transfer.OwnerId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await owner.SignInAsync(transfer.OwnerId);
        return RedeemResult.Redeemed;
    }

    private static string? Normalize(string? code)
    {
        if (code is null || code.Length > 32)
        {
            return null;
        }

        var letters = new string([.. code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return letters.Length == 8 && letters.All(Alphabet.Contains) ? letters : null;
    }

    private static string Hash(string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
}
