using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>The owner's history as the storage lane keeps it; the owner filter is theirs (<c>CurrentOwner</c>).</summary>
internal sealed class StoredOwnerHistory(SavedDrafts drafts, ChecklistSessions sessions) : IOwnerHistory
{
    public async Task<KeptDraft?> FindDraftAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var draft = await drafts.FindAsync(id, cancellationToken);
        return draft is null
            ? null
            : new KeptDraft(draft.Id, draft.Kind, draft.Tone, draft.Situation, draft.Fields, draft.Subject, draft.Body, draft.SessionId);
    }

    public async Task<KeptSession?> FindSessionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var session = await sessions.FindAsync(id, cancellationToken);
        return session is null ? null : new KeptSession(session.Id, session.ChecklistId, session.Answers);
    }
}
