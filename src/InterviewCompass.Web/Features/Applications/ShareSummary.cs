using System.Text;
using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Checks;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>
/// The summary a person can share with a mentor or partner: the kind, the outcome, and each check's verdict and reasons.
/// Left out on purpose: the company, the role, the people's names, notes and labels (anything the person typed).
/// </summary>
public static class ShareSummary
{
    public static async Task<string> WriteAsync(Application application, IReadOnlyList<LinkedCheck> checks, ChecklistSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(sessions);
        var text = new StringBuilder();
        text.Append(ApplicationOutcomes.KindWords(application.Kind)).Append(" (company left out). Outcome: ")
            .Append(ApplicationOutcomes.Words(application.Outcome)).AppendLine(".");
        foreach (var check in checks.Where(c => c.Completed).Reverse())
        {
            var session = await sessions.FindAsync(check.Id);
            var verdict = session is null ? null : sessions.VerdictOf(session);
            text.AppendLine().Append(sessions.TitleOf(check.ChecklistId)).Append(": ")
                .AppendLine(verdict?.Headline ?? sessions.HeadlineOf(check.ChecklistId, check.Outcome));
            foreach (var reason in verdict?.Reasons ?? [])
            {
                text.Append("- ").AppendLine(reason.Text);
            }
        }

        return text.ToString().TrimEnd();
    }
}
