namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// What the composer page carries from its first (static) render into the interactive circuit, so the
/// circuit does not read the history again: the draft, its id once kept, and what the first render learned.
/// </summary>
public sealed record ComposerPageState(
    DraftSnapshot Draft,
    Guid? DraftId,
    Guid? SessionId,
    IReadOnlyList<string> Notices,
    IReadOnlyList<SuggestedDraft> AlsoSuggested)
{
    public static ComposerPageState Of(KeptDraft kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var draft = new DraftSnapshot(
            kept.Kind,
            kept.Tone,
            kept.Situation,
            new Dictionary<string, string>(kept.Fields, StringComparer.Ordinal),
            kept.Subject,
            kept.Body);
        return new ComposerPageState(draft, kept.Id, kept.Session, [], []);
    }

    public static ComposerPageState Of(KeptDraftModel kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var draft = new DraftSnapshot(kept.Kind, kept.Tone, kept.Situation, kept.Fields ?? [], kept.Subject ?? "", kept.Body ?? "");
        return new ComposerPageState(draft, kept.Id, kept.Session, [], []);
    }
}
