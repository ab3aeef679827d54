using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>What a form post of the composer shows: the template follows the choices until the person writes their own text.</summary>
public sealed class ComposerStateTests
{
    private static ComposerState NewState() =>
        new(RealContent.Catalog, new MessageComposer(RealContent.Catalog), new DraftLinter(RealContent.Catalog));

    private static ComposedMessage Compose(string kind, string tone, string? situation = null, Dictionary<string, string>? fields = null) =>
        new MessageComposer(RealContent.Catalog).Compose(new ComposeRequest(kind, tone, situation, fields ?? [])).Message!;

    /// <summary>The form as the page rendered it, with the template it showed, and what the person then changed.</summary>
    private static void PostShown(ComposerState state, string? kind = null, string? tone = null, Dictionary<string, string>? fields = null, string? body = null)
    {
        var subjectShown = state.TemplateSubject;
        var bodyShown = state.TemplateBody;
        state.Post(
            new DraftInput(kind ?? state.Kind, tone ?? state.Tone, state.Situation, fields ?? new(state.Fields), state.Subject, body ?? state.Body, null),
            subjectShown,
            bodyShown);
    }

    private static ComposerState Started(string kind, string tone = Tones.Warm)
    {
        var state = NewState();
        state.Start(new DraftStart(kind, tone, null, null, [], []));
        return state;
    }

    [Fact]
    public void ChoosingKindAndToneRewritesTheDraft()
    {
        var state = Started("withdrawal-note");
        Assert.Equal(Compose("withdrawal-note", "warm").Body, state.Body);

        PostShown(state, kind: "exit-interview-decline");
        Assert.Equal(Compose("exit-interview-decline", "warm").Body, state.Body);

        PostShown(state, tone: "formal");
        var formal = Compose("exit-interview-decline", "formal");
        Assert.Equal(formal.Body, state.Body);
        Assert.Equal(formal.Subject, state.Subject);
        Assert.False(state.EditedByHand);
    }

    [Fact]
    public void FieldsFillTheTemplate()
    {
        var state = Started("withdrawal-note", Tones.Brief);

        PostShown(state, fields: new() { ["name"] = "Sam Patel", ["role"] = "Data analyst" });

        var expected = Compose("withdrawal-note", "brief", fields: new() { ["name"] = "Sam Patel", ["role"] = "Data analyst" });
        Assert.Equal(expected.Body, state.Body);
        Assert.Contains("Dear Sam Patel", state.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TextEditedByHandIsKeptWhenFieldsChangeUntilStartingAgain()
    {
        var state = Started("withdrawal-note");
        const string Own = "Dear Sam,\nThank you for your time. I am withdrawing.\nAll the best,\nAlex";

        PostShown(state, body: Own);
        PostShown(state, fields: new() { ["name"] = "Jordan" });
        Assert.Equal(Own, state.Body);
        Assert.True(state.EditedByHand);

        state.StartAgain();
        Assert.Equal(Compose("withdrawal-note", "warm", fields: new() { ["name"] = "Jordan" }).Body, state.Body);
        Assert.False(state.EditedByHand);
    }

    [Fact]
    public void ABrowsersLineBreaksDoNotMakeTheTemplateLookEdited()
    {
        var state = Started("withdrawal-note");
        var shown = state.TemplateBody;
        var crlf = shown.ReplaceLineEndings("\r\n");

        state.Post(new DraftInput("withdrawal-note", "warm", null, new Dictionary<string, string> { ["name"] = "Sam" }, state.Subject, crlf, null), state.TemplateSubject, crlf);

        Assert.False(state.BodyEditedByHand);
        Assert.Contains("Dear Sam", state.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", state.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void PettyComplaintsAreFlaggedAndTheFindingGoesWhenFixed()
    {
        var state = Started("withdrawal-note");
        var clean = state.Body;
        var petty = clean + "\nHonestly, the office was dirty and the computers were ancient.";

        PostShown(state, body: petty);
        Assert.Contains(state.Findings, f => f.Rule == "too-much-detail" && f.Excerpt.Contains("dirty", StringComparison.Ordinal));

        PostShown(state, body: clean);
        Assert.DoesNotContain(state.Findings, f => f.Rule == "too-much-detail");
    }

    [Fact]
    public void AKindThatDoesNotExistKeepsTheCurrentOne()
    {
        var state = Started("exit-interview-decline");

        PostShown(state, kind: "love-letter", tone: "sarcastic");

        Assert.Equal("exit-interview-decline", state.Kind);
        Assert.Equal(Tones.Warm, state.Tone);
    }

    [Fact]
    public void ASpokenPayLineAsksForNothingAndASafetyLineAsksWhatYouNeed()
    {
        var state = NewState();
        state.Start(new DraftStart("raise-concern-line", Tones.Warm, "pay", null, [], []));
        Assert.Empty(state.FieldsUsed);

        state.Start(new DraftStart("raise-concern-line", Tones.Warm, "safety", null, [], []));
        Assert.Equal(["company", "need"], state.FieldsUsed.Select(f => f.Id).Order());

        state.Start(new DraftStart("raise-concern-line", Tones.Brief, "safety", null, [], []));
        Assert.Equal(["need"], state.FieldsUsed.Select(f => f.Id));
    }

    [Fact]
    public void EveryTemplatesFieldsAreTheOnesTheFormShowsForIt()
    {
        var state = NewState();
        foreach (var kind in RealContent.Catalog.MessageKinds)
        {
            foreach (var template in kind.Templates)
            {
                state.Start(new DraftStart(kind.Id, template.Tone, template.Situation, null, [], []));
                var key = ComposerState.TemplateKey(kind.Id, template.Tone, template.Situation);
                var shown = state.FieldsAsked.Where(f => state.TemplatesUsing(f).Split(' ').Contains(key)).Select(f => f.Id);
                Assert.Equal(state.FieldsUsed.Select(f => f.Id), shown);
                foreach (var field in state.FieldsUsed)
                {
                    Assert.Contains($"{{{field.Id}}}", template.Subject + template.Body, StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [InlineData("Initech, backend developer", "Initech", "backend developer")]
    [InlineData("Contoso (leaving), exit interview", "Contoso", "exit interview")]
    [InlineData("Globex", "Globex", null)]
    [InlineData("  ", null, null)]
    public void TheChecksLabelGivesCompanyAndRole(string label, string? company, string? role)
    {
        var fields = DraftPrefill.FieldsFromLabel(label);

        Assert.Equal(company, fields.GetValueOrDefault("company"));
        Assert.Equal(role, fields.GetValueOrDefault("role"));
    }

    [Fact]
    public void ADraftStartedFromALabelledCheckHasCompanyAndRoleFilledIn()
    {
        var state = NewState();
        state.Start(new DraftStart("withdrawal-note", Tones.Warm, null, null, [], []) { Fields = DraftPrefill.FieldsFromLabel("Initech, backend developer") });

        Assert.Equal("Initech", state.Field("company"));
        Assert.Equal("backend developer", state.Field("role"));
        Assert.Contains("the backend developer role at Initech", state.Body, StringComparison.Ordinal);
    }
}
