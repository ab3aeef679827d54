namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// What the composer reads from the current owner's history while the page is first rendered (an HTTP
/// request, where the owner cookie is known). Both return null for an id that is not the owner's.
/// </summary>
public interface IOwnerHistory
{
    Task<KeptDraft?> FindDraftAsync(Guid id, CancellationToken cancellationToken = default);

    Task<KeptSession?> FindSessionAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <summary>A draft as kept in the owner's history.</summary>
public sealed record KeptDraft(
    Guid Id,
    string Kind,
    string Tone,
    string? Situation,
    IReadOnlyDictionary<string, string> Fields,
    string Subject,
    string Body,
    Guid? Session);

/// <summary>A checklist run as kept in the owner's history: enough to work out which message it leads to.</summary>
public sealed record KeptSession(Guid Id, string Checklist, IReadOnlyDictionary<string, string> Answers);
