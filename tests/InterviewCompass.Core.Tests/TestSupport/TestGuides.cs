using InterviewCompass.Core.Content;
using InterviewCompass.Core.Guides;

namespace InterviewCompass.Core.Tests.TestSupport;

/// <summary>Builds <see cref="Guide"/> records the way the loader does, through the real Markdown pipeline.</summary>
public static class TestGuides
{
    public static Guide Make(string id, string title, string summary = "A guide.", string body = "Some text.", params string[] tags)
    {
        var rendered = GuideMarkdown.Render(body);
        return new Guide(
            id,
            title,
            summary,
            tags.Length == 0 ? ["general"] : tags,
            new DateOnly(2026, 11, 22),
            [],
            rendered.Sections,
            rendered.Html,
            rendered.PlainText,
            $"content/guides/{id}.md");
    }
}
