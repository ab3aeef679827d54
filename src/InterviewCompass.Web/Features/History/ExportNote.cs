using System.Globalization;
using System.Text;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;

namespace InterviewCompass.Web.Features.History;

/// <summary>
/// The Markdown export as a note a person would keep: each check's questions and answers in words, the verdict and the words
/// to say; each draft as written, with its earlier versions. No internal ids. Text is kept as typed (it is a file, not a page).
/// </summary>
public static class ExportNote
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(OwnerExport export, ContentCatalog catalog, VerdictEngine engine)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(engine);
        var md = new StringBuilder();
        md.AppendLine("# InterviewCompass: what I kept").AppendLine();
        md.AppendLine(Invariant, $"Exported on {When(export.ExportedAt)}.").AppendLine();

        md.AppendLine("## Checks").AppendLine();
        if (export.Sessions.Count == 0)
        {
            md.AppendLine("No checks kept.").AppendLine();
        }

        foreach (var session in export.Sessions)
        {
            WriteSession(md, session, catalog, engine);
        }

        md.AppendLine("## Drafts").AppendLine();
        if (export.Drafts.Count == 0)
        {
            md.AppendLine("No drafts kept.").AppendLine();
        }

        foreach (var draft in export.Drafts)
        {
            WriteDraft(md, draft, catalog);
        }

        return md.ToString();
    }

    private static void WriteSession(StringBuilder md, SessionExport session, ContentCatalog catalog, VerdictEngine engine)
    {
        var checklist = catalog.ChecklistsById.GetValueOrDefault(session.Checklist);
        var title = checklist?.Title ?? "A check";
        md.AppendLine(Invariant, $"### {(session.Label is null ? title : $"{session.Label}: {title}")}").AppendLine();
        md.AppendLine(Invariant, $"{When(session.Updated)}{(session.Completed ? "" : " (not finished)")}").AppendLine();

        var verdict = checklist is null ? null : engine.Assess(checklist, session.Answers).Verdict;
        if (session.Completed && verdict is not null)
        {
            md.AppendLine(Invariant, $"**Verdict: {verdict.Headline}** ({ConfidenceWording.Describe(verdict.Confidence)})").AppendLine();
            if (verdict.Words.Count > 0)
            {
                md.AppendLine("What to say:").AppendLine();
                foreach (var words in verdict.Words)
                {
                    md.AppendLine(Invariant, $"> {words}").AppendLine();
                }
            }

            if (verdict.OtherOption is { } other)
            {
                md.AppendLine(Invariant, $"The other option: {other.Line}").AppendLine();
            }
        }

        if (session.Answers.Count == 0)
        {
            md.AppendLine("No answers yet.").AppendLine();
            return;
        }

        md.AppendLine("My answers:").AppendLine();
        var ordered = checklist is null
            ? session.Answers.Select(a => (Prompt: "A question no longer asked", Answer: a.Value))
            : checklist.Items.Where(i => session.Answers.ContainsKey(i.Id)).Select(i => (Prompt: i.Prompt, Answer: session.Answers[i.Id]));
        foreach (var (prompt, answer) in ordered)
        {
            md.AppendLine(Invariant, $"- {prompt} **{AnswerLabels.For(answer)}**");
        }

        md.AppendLine();
    }

    private static void WriteDraft(StringBuilder md, DraftExport draft, ContentCatalog catalog)
    {
        var kind = catalog.MessageKindsById.TryGetValue(draft.Kind, out var messageKind) ? messageKind.Title : "A message";
        md.AppendLine(Invariant, $"### {(string.IsNullOrWhiteSpace(draft.Subject) ? kind : draft.Subject)}").AppendLine();
        var about = draft.Situation is null ? "" : $", about: {SituationLabels.For(draft.Situation).ToLowerInvariant()}";
        md.AppendLine(Invariant, $"{kind}, {draft.Tone.ToLowerInvariant()} tone{about}. Last changed {When(draft.Updated)}.").AppendLine();
        var filled = draft.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        foreach (var (field, value) in filled)
        {
            md.AppendLine(Invariant, $"- {FieldWords(field)}: {value}");
        }

        if (filled.Count > 0)
        {
            md.AppendLine();
        }

        Quote(md, draft.Body);
        foreach (var version in draft.Versions)
        {
            md.AppendLine(Invariant, $"Earlier version {version.Number}, kept {When(version.Saved)}:").AppendLine();
            Quote(md, version.Body);
        }
    }

    /// <summary>A block quote keeps the note's own line breaks and reads as the message itself.</summary>
    private static void Quote(StringBuilder md, string body)
    {
        foreach (var line in body.ReplaceLineEndings("\n").Split('\n'))
        {
            md.AppendLine(line.Length == 0 ? ">" : $"> {line}");
        }

        md.AppendLine();
    }

    private static string FieldWords(string field)
    {
        var words = field.Replace('-', ' ').Replace('_', ' ');
        return words.Length == 0 ? field : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string When(DateTimeOffset value) =>
        value.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", Invariant);
}
