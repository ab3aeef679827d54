namespace InterviewCompass.Web.Features.Drafts;

/// <summary>A <c>mailto:</c> address that opens the person's mail app with the subject and body filled in.</summary>
public static class MailtoLink
{
    public static string For(string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);

        // RFC 6068: line breaks in a mailto body are CRLF, encoded as %0D%0A.
        var crlfBody = body.ReplaceLineEndings("\r\n");
        return $"mailto:?subject={Uri.EscapeDataString(subject)}&body={Uri.EscapeDataString(crlfBody)}";
    }
}
