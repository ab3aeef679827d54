namespace InterviewCompass.Web.Features.Applications;

/// <summary>A timeline line in words (the details page, the Markdown export).</summary>
public static class ApplicationTimeline
{
    public static string Words(string type, string? outcome, string? text, DateOnly? date = null) => type switch
    {
        ApplicationDates.DecideByType => date is { } decide ? $"Decide by set to {ApplicationDates.Words(decide)}" : "Cleared the decide-by date",
        ApplicationDates.ExpectReplyByType => date is { } reply ? $"They said you would hear by {ApplicationDates.Words(reply)}" : "Cleared the date they said you would hear by",
        "created" => "Added here",
        "outcome" => $"Outcome set: {ApplicationOutcomes.Words(outcome ?? "")}",
        "note" => $"Note: {text}",
        "check" => "A check was added",
        "draft" => "A draft was added",
        "draft-sent" => "A draft was marked sent",
        _ => type,
    };
}
