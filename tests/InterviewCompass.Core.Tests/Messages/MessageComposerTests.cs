using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Tests.Builders;

namespace InterviewCompass.Core.Tests.Messages;

public sealed class MessageComposerTests
{
    private static readonly ContentCatalog Catalog = new MessageCatalogBuilder()
        .Kind(
            "note",
            templates:
            [
                new MessageTemplate("warm", null, "About {role} at {company}", "Dear {name},\n\nThank you.\n{reason}\nI wish you well.\n\n\n\nBest,\n{contact}\n"),
                new MessageTemplate("brief", null, "{role}", "Hi {name}, thanks. {reason}"),
            ])
        .Kind(
            "line",
            situations: ["pay", "safety"],
            templates:
            [
                new MessageTemplate("warm", "pay", "Pay", "The pay line."),
                new MessageTemplate("warm", "safety", "Safety", "The safety line."),
            ])
        .Build();

    private readonly MessageComposer _composer = new(Catalog);

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void FillsEveryFieldInSubjectAndBody()
    {
        var result = _composer.Compose(new ComposeRequest("note", "warm", null, Fields(
            ("name", "Sam"), ("contact", "Alex"), ("company", "Acme"), ("role", "Analyst"), ("reason", "The role is not the right fit for me."))));

        Assert.Null(result.Error);
        Assert.Equal("About Analyst at Acme", result.Message?.Subject);
        Assert.Equal("Dear Sam,\n\nThank you.\nThe role is not the right fit for me.\nI wish you well.\n\nBest,\nAlex", result.Message?.Body);
    }

    [Fact]
    public void AnEmptyReasonDropsItsLine()
    {
        var result = _composer.Compose(new ComposeRequest("note", "warm", null, Fields(("name", "Sam"), ("reason", "   "))));

        Assert.DoesNotContain("{reason}", result.Message?.Body, StringComparison.Ordinal);
        Assert.Equal("Dear Sam,\n\nThank you.\nI wish you well.\n\nBest,\n{contact}", result.Message?.Body);
    }

    [Fact]
    public void AMissingRequiredFieldStaysAsItsPlaceholder()
    {
        var result = _composer.Compose(new ComposeRequest("note", "warm", null, Fields(("company", "Acme"))));

        Assert.Equal("About {role} at Acme", result.Message?.Subject);
        Assert.StartsWith("Dear {name},", result.Message?.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsAreTrimmedAndTheirWhitespaceNormalised()
    {
        var result = _composer.Compose(new ComposeRequest("note", "brief", null, Fields(("name", "  Sam \t\n Lee "), ("role", "Data\r\nAnalyst"))));

        Assert.Equal("Data Analyst", result.Message?.Subject);
        Assert.Equal("Hi Sam Lee, thanks.", result.Message?.Body);
    }

    [Fact]
    public void AReasonOnItsOwnLineReadsAsASentence()
    {
        var result = _composer.Compose(new ComposeRequest("note", "warm", null, Fields(("reason", "the commute would be too long"))));

        Assert.Contains("\nThe commute would be too long.\n", result.Message?.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKindIsAnError()
    {
        var result = _composer.Compose(new ComposeRequest("love-letter", "warm", null, Fields()));

        Assert.Null(result.Message);
        Assert.Equal("Unknown message kind 'love-letter'.", result.Error);
    }

    [Fact]
    public void UnknownToneIsNamedWithTheTonesThereAre()
    {
        var result = _composer.Compose(new ComposeRequest("note", "sarcastic", null, Fields()));

        Assert.Null(result.Message);
        Assert.Contains("'sarcastic'", result.Error, StringComparison.Ordinal);
        Assert.Contains("warm, brief", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("weather")]
    public void KindsWithSituationsNeedAKnownOne(string? situation)
    {
        var result = _composer.Compose(new ComposeRequest("line", "warm", situation, Fields()));

        Assert.Null(result.Message);
        Assert.Contains("pay, safety", result.Error, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(situation))
        {
            Assert.Contains($"'{situation}'", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PicksTheTemplateForTheSituation()
    {
        Assert.Equal("The safety line.", _composer.Compose(new ComposeRequest("line", "warm", "safety", Fields())).Message?.Body);
    }

    [Fact]
    public void ASituationIsIgnoredForKindsWithoutThem()
    {
        var result = _composer.Compose(new ComposeRequest("note", "brief", "pay", Fields(("name", "Sam"))));

        Assert.Null(result.Error);
        Assert.Equal("Hi Sam, thanks.", result.Message?.Body);
    }

    [Fact]
    public void NullRequestPartsAreErrorsNotExceptions()
    {
        Assert.NotNull(_composer.Compose(null!).Error);
        Assert.NotNull(_composer.Compose(new ComposeRequest(null!, "warm", null, Fields())).Error);
        Assert.NotNull(_composer.Compose(new ComposeRequest("note", null!, null, Fields())).Error);
        Assert.Null(_composer.Compose(new ComposeRequest("note", "warm", null, null!)).Error);
    }
}
