namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// A <c>data:</c> address that a link with a <c>download</c> attribute saves as a <c>.txt</c> file: the draft leaves
/// the page without a request, with or without JavaScript (the script builds the same file from the text on screen).
/// </summary>
public static class DownloadLink
{
    public static string For(string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        return "data:text/plain;charset=utf-8," + Uri.EscapeDataString(TextOf(subject, body));
    }

    /// <summary>The file's text: the subject line (when there is one), then the body, with CRLF line breaks.</summary>
    public static string TextOf(string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        var text = string.IsNullOrWhiteSpace(subject) ? body : $"Subject: {subject}\n\n{body}";
        return text.ReplaceLineEndings("\r\n");
    }
}
