using System.Globalization;
using System.Text;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;

namespace InterviewCompass.Web.Features.History;

/// <summary>
/// The Markdown export as a note a person would keep: each check's questions and answers in words, the verdict and the words
/// to say; each draft as written, with its earlier versions. No internal ids. Whatever a person typed shows as typed in any
/// Markdown viewer: labels, subjects and fields are escaped text, never markup; a body sits in a code fence longer than any
/// run of backticks in it. Written to the response as it is read (<see cref="WriteAsync"/>).
/// </summary>
public static class ExportNote
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the note as the rows are read: one check or draft at a time is in memory, never the whole history.</summary>
    public static async Task WriteAsync(OwnerExport export, TextWriter writer, ContentCatalog catalog, VerdictEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(engine);
        var md = new StringBuilder();
        md.AppendLine("# InterviewCompass: what I kept").AppendLine();
        md.AppendLine(Invariant, $"Exported on {When(export.ExportedAt)}.").AppendLine();
        if (export.Reminders is { } reminders)
        {
            var timed = reminders.RemindAt is { } at ? $", calendar reminders at {at}" : ", all-day calendar reminders";
            md.AppendLine(Invariant, $"Reminder settings: a follow-up is due {reminders.ReplyOverdueDays} business {(reminders.ReplyOverdueDays == 1 ? "day" : "days")} after the date they gave{timed}, time zone {reminders.TimeZone ?? "UTC"}.").AppendLine();
        }


        md.AppendLine("## Checks").AppendLine();
        var any = false;
        await foreach (var session in export.Sessions.WithCancellation(cancellationToken))
        {
            WriteSession(md, session, catalog, engine);
            await FlushAsync(md, writer, cancellationToken);
            any = true;
        }

        if (!any)
        {
            md.AppendLine("No checks kept.").AppendLine();
        }

        md.AppendLine("## Drafts").AppendLine();
        any = false;
        await foreach (var draft in export.Drafts.WithCancellation(cancellationToken))
        {
            WriteDraft(md, draft, catalog);
            await FlushAsync(md, writer, cancellationToken);
            any = true;
        }

        if (!any)
        {
            md.AppendLine("No drafts kept.").AppendLine();
        }

        md.AppendLine("## Applications").AppendLine();
        any = false;
        await foreach (var application in export.Applications.WithCancellation(cancellationToken))
        {
            WriteApplication(md, application);
            await FlushAsync(md, writer, cancellationToken);
            any = true;
        }

        if (!any)
        {
            md.AppendLine("No applications kept.").AppendLine();
        }

        await FlushAsync(md, writer, cancellationToken);
    }

    private static async Task FlushAsync(StringBuilder md, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(md, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        md.Clear();
    }

    private static void WriteApplication(StringBuilder md, ApplicationExport application)
    {
        var role = application.Role.Length == 0 ? "" : $", {application.Role}";
        md.AppendLine(Invariant, $"### {Escape(application.Company + role)}").AppendLine();
        md.AppendLine(Invariant, $"{Applications.ApplicationOutcomes.KindWords(application.Kind)}. Outcome: {Applications.ApplicationOutcomes.Words(application.Outcome)}.").AppendLine();
        if (application.ContactName is not null || application.ContactEmail is not null)
        {
            md.AppendLine(Invariant, $"Contact: {Escape(string.Join(", ", new[] { application.ContactName, application.ContactEmail }.OfType<string>()))}").AppendLine();
        }

        if (application.Notes is not null)
        {
            md.AppendLine(Invariant, $"Notes: {Escape(application.Notes)}").AppendLine();
        }

        if (application.DecideBy is { } decideBy)
        {
            md.AppendLine(Invariant, $"Decide by: {Applications.ApplicationDates.Words(decideBy)}").AppendLine();
        }

        if (application.ExpectReplyBy is { } replyBy)
        {
            md.AppendLine(Invariant, $"They said you would hear by: {Applications.ApplicationDates.Words(replyBy)}").AppendLine();
        }

        foreach (var entry in application.Timeline)
        {
            md.AppendLine(Invariant, $"- {When(entry.At)}: {Escape(Applications.ApplicationTimeline.Words(entry.Type, entry.Outcome, entry.Text, entry.Date))}");
        }

        md.AppendLine();
    }

    private static void WriteSession(StringBuilder md, SessionExport session, ContentCatalog catalog, VerdictEngine engine)
    {
        var checklist = catalog.ChecklistsById.GetValueOrDefault(session.Checklist);
        var title = checklist?.Title ?? "A check";
        md.AppendLine(Invariant, $"### {Escape(session.Label is null ? title : $"{session.Label}: {title}")}").AppendLine();
        md.AppendLine(Invariant, $"{When(session.Updated)}{(session.Completed ? "" : " (not finished)")}").AppendLine();

        var verdict = checklist is null ? null : engine.Assess(checklist, session.Answers).Verdict;
        if (session.Completed && verdict is not null)
        {
            md.AppendLine(Invariant, $"**Verdict: {Escape(verdict.Headline)}** ({Escape(ConfidenceWording.Describe(verdict.Confidence))})").AppendLine();
            WriteWords(md, "What to say", verdict.Words);
            if (verdict.Reasons.Count > 0)
            {
                md.AppendLine("Why:").AppendLine();
                foreach (var reason in verdict.Reasons)
                {
                    md.AppendLine(Invariant, $"- {Escape(reason.Note.Length > 0 ? reason.Note : reason.Text)}");
                }

                md.AppendLine();
            }

            if (verdict.OtherOption is { } other)
            {
                md.AppendLine(Invariant, $"The other option: {Escape(other.Line)}").AppendLine();
                WriteWords(md, "What you could say instead", other.Words);
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
            md.AppendLine(Invariant, $"- {Escape(prompt)} **{Escape(AnswerLabels.For(answer))}**");
        }

        md.AppendLine();
    }

    /// <summary>Each block under who it is for ("What to say, for your recruiter:"), its lines quoted.</summary>
    private static void WriteWords(StringBuilder md, string heading, IReadOnlyList<WordsBlock> blocks)
    {
        foreach (var block in blocks)
        {
            var label = VerdictWording.ForWhom(block.For);
            md.AppendLine(Invariant, $"{heading}{(label is null ? "" : $", {Escape(label.ToLowerInvariant())}")}:").AppendLine();
            foreach (var line in block.Lines)
            {
                md.AppendLine(Invariant, $"> {Escape(line)}").AppendLine();
            }
        }
    }

    private static void WriteDraft(StringBuilder md, DraftExport draft, ContentCatalog catalog)
    {
        var kind = catalog.MessageKindsById.TryGetValue(draft.Kind, out var messageKind) ? messageKind.Title : "A message";
        md.AppendLine(Invariant, $"### {Escape(string.IsNullOrWhiteSpace(draft.Subject) ? kind : draft.Subject)}").AppendLine();
        var about = draft.Situation is null ? "" : $", about: {SituationLabels.For(draft.Situation).ToLowerInvariant()}";
        md.AppendLine(Invariant, $"{Escape($"{kind}, {draft.Tone.ToLowerInvariant()} tone{about}.")} Last changed {When(draft.Updated)}.").AppendLine();
        var filled = draft.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToList();
        foreach (var (field, value) in filled)
        {
            md.AppendLine(Invariant, $"- {Escape(FieldWords(field))}: {Escape(value)}");
        }

        if (filled.Count > 0)
        {
            md.AppendLine();
        }

        AppendCode(md, draft.Body);
        foreach (var version in draft.Versions)
        {
            md.AppendLine(Invariant, $"Earlier version {version.Number}, kept {When(version.Saved)}:").AppendLine();
            AppendCode(md, version.Body);
        }
    }

    /// <summary>
    /// Text that reads as typed in any Markdown viewer, escaping only what Markdown would read as markup: emphasis, code,
    /// links and images, raw HTML and entities, tables and strikethrough anywhere; a heading, quote or list marker at the
    /// start; a closing <c>#</c> at the end. Ordinary punctuation (<c>(</c>, <c>,</c>, <c>:</c>, <c>'</c>) stays as it is.
    /// A line break would end the heading or list item, so it becomes a space.
    /// </summary>
    internal static string Escape(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '|' or '~'
                || (ch == '&' && IsEntity(line, i))
                || (i == 0 && ch is '#' or '>' or '-' or '+' or '=')
                || (i == line.Length - 1 && ch == '#')
                || (ch is '.' or ')' && IsListNumber(line, i)))
            {
                escaped.Append('\\');
            }

            escaped.Append(ch);
        }

        return escaped.ToString();
    }

    /// <summary>"&amp;amp;" or "&amp;#39;" would be read as a character reference.</summary>
    private static bool IsEntity(string text, int ampersand)
    {
        var end = text.IndexOf(';', ampersand + 1);
        return end > ampersand + 1 && text.AsSpan(ampersand + 1, end - ampersand - 1).ToString().TrimStart('#').All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>"1." or "12)" at the start, then a space or the end: an ordered list marker.</summary>
    private static bool IsListNumber(string text, int mark) =>
        mark > 0 && mark <= 9 && text[..mark].All(char.IsAsciiDigit) && (mark == text.Length - 1 || text[mark + 1] == ' ');

    /// <summary>The message exactly as written, in a fence longer than any run of backticks in it.</summary>
    private static void AppendCode(StringBuilder md, string body)
    {
        int longest = 0, run = 0;
        foreach (var ch in body)
        {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        md.Append(fence).AppendLine("text").AppendLine(body).AppendLine(fence).AppendLine();
    }

    private static string FieldWords(string field)
    {
        var words = field.Replace('-', ' ').Replace('_', ' ');
        return words.Length == 0 ? field : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string When(DateTimeOffset value) =>
        value.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", Invariant);
}
