using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>The composer's query string: <c>/drafts/new?kind=&amp;tone=&amp;situation=&amp;checklist=&amp;outcome=&amp;session=</c>.</summary>
public sealed record DraftQuery(
    string? Kind = null,
    string? Tone = null,
    string? Situation = null,
    string? Checklist = null,
    string? Outcome = null,
    string? Session = null)
{
    /// <summary>The session id, when the query names one that could be an id at all.</summary>
    public Guid? SessionId => Guid.TryParse(Session, out var id) ? id : null;
}

/// <summary>How a new draft starts: what to compose, anything the person should know about the link they followed, and other messages the verdict suggests.</summary>
public sealed record DraftStart(
    string Kind,
    string Tone,
    string? Situation,
    Guid? SessionId,
    IReadOnlyList<string> Notices,
    IReadOnlyList<SuggestedDraft> AlsoSuggested)
{
    /// <summary>Fields filled in from the start, e.g. company and role from the check's label.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}

public sealed record SuggestedDraft(string Href, string Label);

/// <summary>
/// Chooses the kind, tone and situation of a new draft from the query and, when the person came from a
/// verdict, from <see cref="DraftSuggestions"/>. Anything unknown becomes a notice and the default: never an error page.
/// </summary>
public sealed class DraftPrefill(ContentCatalog catalog, VerdictEngine engine)
{
    public const string DefaultKind = "withdrawal-note";
    private const int MaxEcho = 40;

    public DraftStart From(DraftQuery query, ChecklistSession? session)
    {
        ArgumentNullException.ThrowIfNull(query);
        var notices = new List<string>();
        var suggestions = Suggest(query, session, notices);
        var suggested = suggestions.Count > 0 ? suggestions[0] : null;

        var kind = ChooseKind(query.Kind, suggested, notices);
        var situation = ChooseSituation(kind, query.Situation, suggested, notices);
        var tone = Tones.Warm;
        if (!string.IsNullOrEmpty(query.Tone))
        {
            if (Tones.All.Contains(query.Tone, StringComparer.Ordinal))
            {
                tone = query.Tone;
            }
            else
            {
                notices.Add($"There is no tone called \"{Echo(query.Tone)}\", so the draft starts in the warm tone. Pick another below.");
            }
        }

        var sessionId = session?.Id;
        var also = suggestions.Skip(1)
            .Where(s => catalog.MessageKindsById.ContainsKey(s.Kind) && s.Kind != kind.Id)
            .Select(s => new SuggestedDraft(Href(s, sessionId), $"Also draft: {catalog.MessageKindsById[s.Kind].Title}"))
            .ToList();
        return new DraftStart(kind.Id, tone, situation, sessionId, notices, also) { Fields = FieldsFromLabel(session?.Label) };
    }

    /// <summary>
    /// A check's label, as the check form suggests writing it ("Initech, backend developer"), gives the company (before the
    /// first comma) and the role (after it); an aside in brackets ("Contoso (leaving)") is left out. No comma: the company only.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FieldsFromLabel(string? label)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(label))
        {
            return fields;
        }

        var comma = label.IndexOf(',', StringComparison.Ordinal);
        var company = WithoutAsides(comma < 0 ? label : label[..comma]);
        var role = comma < 0 ? "" : WithoutAsides(label[(comma + 1)..]);
        if (company.Length > 0)
        {
            fields["company"] = company;
        }

        if (role.Length > 0)
        {
            fields["role"] = role;
        }

        return fields;
    }

    private static string WithoutAsides(string text) =>
        string.Join(' ', System.Text.RegularExpressions.Regex.Replace(text, @"\([^)]*\)", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private List<DraftSuggestion> Suggest(DraftQuery query, ChecklistSession? session, List<string> notices)
    {
        if (!string.IsNullOrEmpty(query.Session) && session is null)
        {
            notices.Add("That checklist isn't in your history on this device, so the draft starts from the choices below.");
        }

        if (session is not null)
        {
            if (!catalog.ChecklistsById.TryGetValue(session.ChecklistId, out var sessionChecklist))
            {
                notices.Add("That checklist is no longer available, so the draft starts from the choices below.");
                return [];
            }

            var verdict = engine.Assess(sessionChecklist, session.Answers).Verdict;
            return verdict is null ? [] : FromVerdict(sessionChecklist, verdict, session.Answers, notices);
        }

        if (string.IsNullOrEmpty(query.Checklist))
        {
            return [];
        }

        if (!catalog.ChecklistsById.TryGetValue(query.Checklist, out var checklist))
        {
            notices.Add($"There is no checklist called \"{Echo(query.Checklist)}\", so the draft starts from the choices below.");
            return [];
        }

        var outcome = query.Outcome is null ? null : checklist.FindOutcome(query.Outcome);
        if (outcome is null)
        {
            if (!string.IsNullOrEmpty(query.Outcome))
            {
                notices.Add($"\"{Echo(query.Outcome)}\" is not a verdict of that checklist, so the draft starts from the choices below.");
            }

            return [];
        }

        // A link from a verdict card carries the outcome but not the answers: the outcome alone picks the message.
        var bare = new Verdict(checklist.Id, outcome.Id, outcome.Headline, outcome.Explanation, 1, [], [new WordsBlock(outcome.WordsFor, outcome.Words)]);
        return FromVerdict(checklist, bare, new Dictionary<string, string>(), notices);
    }

    private static List<DraftSuggestion> FromVerdict(Checklist checklist, Verdict verdict, IReadOnlyDictionary<string, string> answers, List<string> notices)
    {
        var suggestions = DraftSuggestions.For(checklist, verdict, answers).ToList();
        if (suggestions.Count == 0)
        {
            notices.Add($"Your verdict (\"{verdict.Headline}\") doesn't call for a message, but you can still write one below.");
        }

        return suggestions;
    }

    private MessageKind ChooseKind(string? requested, DraftSuggestion? suggested, List<string> notices)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            if (catalog.MessageKindsById.TryGetValue(requested, out var kind))
            {
                return kind;
            }

            notices.Add($"There is no message kind called \"{Echo(requested)}\", so the draft starts as a {DefaultKindOf(suggested).Title.ToLowerInvariant()}. Pick another kind below.");
        }

        return DefaultKindOf(suggested);
    }

    private MessageKind DefaultKindOf(DraftSuggestion? suggested) =>
        suggested is not null && catalog.MessageKindsById.TryGetValue(suggested.Kind, out var kind) ? kind
        : catalog.MessageKindsById.TryGetValue(DefaultKind, out var fallback) ? fallback
        : catalog.MessageKinds[0];

    private static string? ChooseSituation(MessageKind kind, string? requested, DraftSuggestion? suggested, List<string> notices)
    {
        if (kind.Situations.Count == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(requested))
        {
            if (kind.Situations.Contains(requested, StringComparer.Ordinal))
            {
                return requested;
            }

            notices.Add($"There is no situation called \"{Echo(requested)}\" for this message, so it starts with \"{SituationLabels.For(kind.Situations[0])}\". Pick another below.");
            return kind.Situations[0];
        }

        return suggested?.Kind == kind.Id && suggested.Situation is { } s && kind.Situations.Contains(s, StringComparer.Ordinal)
            ? s
            : kind.Situations[0];
    }

    private static string Href(DraftSuggestion suggestion, Guid? sessionId) =>
        AppLinks.NewDraft(suggestion.Kind, suggestion.Situation, session: sessionId);

    /// <summary>Echoes what the person's link said, cut short so a long query can't fill the page.</summary>
    private static string Echo(string value) => value.Length <= MaxEcho ? value : value[..MaxEcho] + "…";
}
