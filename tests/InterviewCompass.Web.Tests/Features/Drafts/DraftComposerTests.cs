using Bunit;
using InterviewCompass.Web.Features.Drafts;

namespace InterviewCompass.Web.Tests.Features.Drafts;

public sealed class DraftComposerTests : ComposerTestContext
{
    private static readonly TimeSpan LintPause = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void ChoosingKindAndToneRewritesTheDraft()
    {
        var page = RenderComposer("/drafts/new");
        Assert.Equal(Compose("withdrawal-note", "warm").Body, Body(page));

        page.Find("#draft-kind").Change("exit-interview-decline");
        Assert.Equal(Compose("exit-interview-decline", "warm").Body, Body(page));

        page.Find("input[name=draft-tone][value=formal]").Change("formal");
        var formal = Compose("exit-interview-decline", "formal");
        Assert.Equal(formal.Body, Body(page));
        Assert.Equal(formal.Subject, page.Find("#draft-subject").GetAttribute("value"));
    }

    [Fact]
    public void FieldsFillTheTemplateAsTheyAreTyped()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note&tone=brief");

        page.Find("#draft-name").Input("Sam Patel");
        page.Find("#draft-role").Input("Data analyst");

        var expected = Compose("withdrawal-note", "brief", fields: new() { ["name"] = "Sam Patel", ["role"] = "Data analyst" });
        Assert.Equal(expected.Body, Body(page));
        Assert.Contains("Dear Sam Patel", Body(page), StringComparison.Ordinal);
    }

    [Fact]
    public void LeaveVerdictOnPayFromASavedSessionPrefillsThePayWalkOutLine()
    {
        var session = new KeptSession(Guid.NewGuid(), "walk-out", new Dictionary<string, string> { ["salary-below-posted"] = "raised-unresolved" });
        History.Sessions[session.Id] = session;

        var page = RenderComposer($"/drafts/new?session={session.Id}");

        Assert.Equal("walk-out-line", SelectedValue(page, "#draft-kind"));
        Assert.Equal("pay", SelectedValue(page, "#draft-situation"));
        Assert.Equal(Compose("walk-out-line", "warm", "pay").Body, Body(page));
    }

    [Fact]
    public void LeaveVerdictLinkOnPayPrefillsThePayWalkOutLine()
    {
        var page = RenderComposer("/drafts/new?checklist=walk-out&outcome=leave&situation=pay");

        Assert.Equal("walk-out-line", SelectedValue(page, "#draft-kind"));
        Assert.Equal("pay", SelectedValue(page, "#draft-situation"));
        Assert.Empty(page.FindAll(".notice"));
    }

    [Fact]
    public void WithdrawVerdictPrefillsTheWithdrawalNote()
    {
        var page = RenderComposer("/drafts/new?checklist=withdrawal&outcome=withdraw");

        Assert.Equal("withdrawal-note", SelectedValue(page, "#draft-kind"));
        Assert.Empty(page.FindAll("#draft-situation"));
    }

    [Fact]
    public void UnknownKindInTheQueryIsExplainedAndTheDefaultIsUsed()
    {
        var page = RenderComposer("/drafts/new?kind=love-letter&tone=sarcastic");

        var notices = page.FindAll(".notice").Select(n => n.TextContent).ToList();
        Assert.Contains(notices, n => n.Contains("no message kind called \"love-letter\"", StringComparison.Ordinal));
        Assert.Contains(notices, n => n.Contains("no tone called \"sarcastic\"", StringComparison.Ordinal));
        Assert.Equal("withdrawal-note", SelectedValue(page, "#draft-kind"));
        Assert.Equal(Compose("withdrawal-note", "warm").Body, Body(page));
    }

    [Fact]
    public void PettyComplaintsAreFlaggedAndTheFindingGoesWhenFixed()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note");
        var clean = Compose("withdrawal-note", "warm", fields: new() { ["name"] = "Sam", ["contact"] = "Alex", ["company"] = "Acme", ["role"] = "Analyst" }).Body;
        var petty = clean.Replace(
            "I have decided to withdraw my application.",
            "I have decided to withdraw my application. The office was dirty, the interviewer kept coughing and the computers were ancient.",
            StringComparison.Ordinal);
        Assert.NotEqual(clean, petty);

        page.Find("#draft-body").Input(petty);
        Pause(LintPause);
        page.WaitForAssertion(() =>
        {
            var finding = page.Find("li.finding[data-rule=too-much-detail]");
            Assert.Contains("Worth changing", finding.TextContent, StringComparison.Ordinal);
            Assert.Contains("dirty", finding.QuerySelector(".excerpt")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(Catalog.LintRules.Single(r => r.Id == "too-much-detail").Guide.Href, finding.QuerySelector(".guide a")!.GetAttribute("href"));
        });

        page.Find("#draft-body").Input(clean);
        Pause(LintPause);
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("li.finding"));
            Assert.Contains("Nothing to change", page.Find("#findings-summary").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TextEditedByHandIsKeptWhenFieldsChangeUntilStartingAgain()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note");
        const string own = "Dear Sam,\nThank you for your time. I am withdrawing.\nAll the best,\nAlex";

        page.Find("#draft-body").Input(own);
        page.Find("#draft-name").Input("Jordan");
        Assert.Equal(own, Body(page));

        page.FindAll("button").Single(b => b.TextContent == "Start again from the template").Click();
        Assert.Equal(Compose("withdrawal-note", "warm", fields: new() { ["name"] = "Jordan" }).Body, Body(page));
    }

    [Fact]
    public void CopyAnnouncesCopied()
    {
        Module.Setup<string>("copyText", _ => true).SetResult("copied");
        var page = RenderComposer("/drafts/new");

        page.FindAll("button").Single(b => b.TextContent == "Copy").Click();

        page.WaitForAssertion(() => Assert.Equal("Copied", page.Find(".action-status").TextContent));
        Assert.Equal("polite", page.Find(".action-status").GetAttribute("aria-live"));
    }

    [Fact]
    public void MailLinkCarriesSubjectAndBodyWithEncodedLineBreaks()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note&tone=brief");

        var href = page.FindAll("a").Single(a => a.TextContent == "Open in mail app").GetAttribute("href")!;

        Assert.StartsWith("mailto:?subject=", href, StringComparison.Ordinal);
        Assert.Contains("&body=Dear%20%7Bname%7D%2C%0D%0A", href, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", href, StringComparison.Ordinal);
    }

    [Fact]
    public void SavesAfterAPauseAndShowsTheAddressOfTheKeptDraft()
    {
        var id = Guid.NewGuid();
        var save = Module.Setup<SaveResponse>("saveDraft", _ => true);
        save.SetResult(new SaveResponse(201, id, "14:02", null));
        var page = RenderComposer("/drafts/new");

        page.Find("#draft-name").Input("Sam");
        Assert.Empty(save.Invocations);
        Pause(DraftAutosave.Pause);

        page.WaitForAssertion(() => Assert.Equal("Saved 14:02", page.Find(".save-status").TextContent));
        var sent = Assert.Single(save.Invocations);
        Assert.Null(sent.Arguments[0]);
        var payload = Assert.IsType<DraftPayload>(sent.Arguments[1]);
        Assert.Equal("Sam", payload.Fields["name"]);
        Assert.Equal($"/drafts/{id:D}", Assert.Single(Module.Invocations["showAddress"]).Arguments[0]);
    }

    [Fact]
    public void AFailedSaveSaysSoAndKeepsTheText()
    {
        Module.Setup<SaveResponse>("saveDraft", _ => true).SetResult(new SaveResponse(0, null, null, null));
        var page = RenderComposer("/drafts/new");
        const string own = "Dear Sam,\nThank you. I withdraw.\nBest wishes,\nAlex";

        page.Find("#draft-body").Input(own);
        Pause(DraftAutosave.Pause);

        page.WaitForAssertion(() => Assert.Equal(DraftAutosave.FailedStatus, page.Find(".save-status").TextContent));
        Assert.Equal(own, Body(page));
    }

    [Fact]
    public void AKeptDraftComesBackWithItsText()
    {
        var kept = new KeptDraft(Guid.NewGuid(), "withdrawal-note", "brief", null, new Dictionary<string, string> { ["name"] = "Sam" },
            "Withdrawing", "Dear Sam,\nMy own words.", null);
        History.Drafts[kept.Id] = kept;

        var page = Render<InterviewCompass.Web.Features.Drafts.DraftComposer>(p => p.Add(c => c.Id, kept.Id));

        Assert.Equal("Dear Sam,\nMy own words.", Body(page));
        Assert.Equal("Sam", page.Find("#draft-name").GetAttribute("value"));
        Assert.Contains(page.FindAll("button"), b => b.TextContent == "Start again from the template");
    }

    private static string Body(IRenderedComponent<InterviewCompass.Web.Features.Drafts.DraftComposer> page) =>
        page.Find("#draft-body").GetAttribute("value") ?? "";

    private static string? SelectedValue(IRenderedComponent<InterviewCompass.Web.Features.Drafts.DraftComposer> page, string selector) =>
        page.Find(selector).GetAttribute("value");
}
