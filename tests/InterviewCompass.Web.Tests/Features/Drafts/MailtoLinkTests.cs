using InterviewCompass.Web.Features.Drafts;

namespace InterviewCompass.Web.Tests.Features.Drafts;

public sealed class MailtoLinkTests
{
    [Fact]
    public void LineBreaksAreCrLfAndEverythingElseIsEscaped()
    {
        var href = MailtoLink.For("Role & next steps?", "Dear Sam,\nThank you.\r\n\nBest, Alex");

        Assert.Equal("mailto:?subject=Role%20%26%20next%20steps%3F&body=Dear%20Sam%2C%0D%0AThank%20you.%0D%0A%0D%0ABest%2C%20Alex", href);
    }
}
