using Bunit;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Features.Drafts;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>The composer's first render: one plain form, prefilled from the link the person followed.</summary>
public sealed class DraftComposerTests : ComposerTestContext
{
    [Fact]
    public void TheComposerIsOnePlainFormThatPosts()
    {
        var page = RenderComposer("/drafts/new");

        var form = page.Find("form#composer");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(Compose("withdrawal-note", "warm").Body, Body(page));
        Assert.Equal(["Kind", "Tone", "Subject", "Body"], new[] { "#draft-kind", "input[name=Tone]", "#draft-subject", "#draft-body" }
            .Select(s => page.Find(s).GetAttribute("name")));
        Assert.Equal(["preview", "start-again", "save"], page.FindAll("button[name=Action]").Select(b => b.GetAttribute("value")));
        // Nothing waits for a live connection: no interactive marker, no reconnect dialog.
        Assert.Empty(page.FindAll("[data-interactive], #components-reconnect-modal"));
    }

    [Fact]
    public void TheScriptOnlyButtonsAndStatusesStartHiddenOrEmpty()
    {
        var page = RenderComposer("/drafts/new");

        Assert.True(page.Find("#draft-copy").HasAttribute("hidden"), "Copy needs the script");
        Assert.True(page.Find("#draft-edited").HasAttribute("hidden"), "nothing is edited yet");
        Assert.Equal("polite", page.Find("#draft-action-status").GetAttribute("aria-live"));
        Assert.Equal("polite", page.Find("#draft-save-status").GetAttribute("aria-live"));
        Assert.Equal("", page.Find("#draft-save-status").TextContent.Trim());
    }

    [Fact]
    public void TheTemplateShownIsCarriedSoAPostCanTellItFromThePersonsOwnText()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note&tone=brief");

        var brief = Compose("withdrawal-note", "brief");
        Assert.Equal(brief.Body, page.Find("input[name=BodyTemplate]").GetAttribute("value"));
        Assert.Equal(brief.Subject, page.Find("input[name=SubjectTemplate]").GetAttribute("value"));
        Assert.Equal(brief.Subject, page.Find("#draft-subject").GetAttribute("value"));
    }

    [Fact]
    public void LeaveVerdictLinkOnPayPrefillsThePayWalkOutLine()
    {
        var page = RenderComposer("/drafts/new?checklist=walk-out&outcome=leave&situation=pay");

        Assert.Equal("walk-out-line", SelectedValue(page, "#draft-kind"));
        Assert.Equal("pay", SelectedValue(page, "#draft-situation"));
        Assert.False(page.Find("#draft-situation-field").HasAttribute("hidden"));
        Assert.Empty(page.FindAll(".notice:not([hidden])"));
    }

    [Fact]
    public void WithdrawVerdictPrefillsTheWithdrawalNote()
    {
        var page = RenderComposer("/drafts/new?checklist=withdrawal&outcome=withdraw");

        Assert.Equal("withdrawal-note", SelectedValue(page, "#draft-kind"));
        Assert.True(page.Find("#draft-situation-field").HasAttribute("hidden"), "a withdrawal note asks for no situation");
    }

    [Fact]
    public void AWalkOutLineAsksForNoNamesAndHasNoSubject()
    {
        var page = RenderComposer("/drafts/new?kind=walk-out-line&situation=pay");

        Assert.True(page.Find("#draft-name").ParentElement!.HasAttribute("hidden"));
        Assert.DoesNotContain("walk-out-line", page.Find("#draft-name").ParentElement!.GetAttribute("data-kinds"), StringComparison.Ordinal);
        Assert.Contains("withdrawal-note", page.Find("#draft-name").ParentElement!.GetAttribute("data-kinds"), StringComparison.Ordinal);
        // Words to say aloud: no subject, nothing to mail.
        Assert.True(page.Find("#draft-subject-field").HasAttribute("hidden"));
        Assert.True(page.Find("#draft-mailto").HasAttribute("hidden"));
        Assert.Equal("true", page.Find("#draft-kind option[value=walk-out-line]").GetAttribute("data-spoken"));
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
    public void MailLinkCarriesSubjectAndBodyWithEncodedLineBreaks()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note&tone=brief");

        var href = page.FindAll("a").Single(a => a.TextContent == "Open in mail app").GetAttribute("href")!;

        Assert.StartsWith("mailto:?subject=", href, StringComparison.Ordinal);
        Assert.Contains("&body=Dear%20%7Bname%7D%2C%0D%0A", href, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", href, StringComparison.Ordinal);
    }

    [Fact]
    public void DownloadLinkIsATextFileOfTheSubjectAndBody()
    {
        var page = RenderComposer("/drafts/new?kind=withdrawal-note&tone=brief");
        var brief = Compose("withdrawal-note", "brief");

        var link = page.FindAll("a").Single(a => a.TextContent == "Download .txt");

        Assert.Equal("withdrawal-note.txt", link.GetAttribute("download"));
        var href = link.GetAttribute("href")!;
        Assert.StartsWith("data:text/plain;charset=utf-8,", href, StringComparison.Ordinal);
        var text = Uri.UnescapeDataString(href["data:text/plain;charset=utf-8,".Length..]);
        Assert.Equal($"Subject: {brief.Subject}\r\n\r\n{brief.Body.ReplaceLineEndings("\r\n")}", text);
    }

    [Fact]
    public void PettyComplaintsAreShownAsAFindingWithItsGuideLink()
    {
        var clean = Compose("withdrawal-note", "warm", fields: new() { ["name"] = "Sam", ["contact"] = "Alex", ["company"] = "Acme", ["role"] = "Analyst" }).Body;
        var petty = clean.Replace(
            "I have decided to withdraw my application.",
            "I have decided to withdraw my application. The office was dirty, the interviewer kept coughing and the computers were ancient.",
            StringComparison.Ordinal);
        Assert.NotEqual(clean, petty);
        var linter = new DraftLinter(Catalog);

        var flagged = Render<DraftFindings>(p => p.Add(f => f.Findings, linter.Lint("withdrawal-note", petty).Findings));

        var finding = flagged.Find("li.finding[data-rule=too-much-detail]");
        Assert.Contains("Worth changing", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("dirty", finding.QuerySelector(".excerpt")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Catalog.LintRules.Single(r => r.Id == "too-much-detail").Guide.Href, finding.QuerySelector(".guide a")!.GetAttribute("href"));

        var fixedText = Render<DraftFindings>(p => p.Add(f => f.Findings, linter.Lint("withdrawal-note", clean).Findings));
        Assert.Empty(fixedText.FindAll("#findings-list li.finding"));
        Assert.Contains("Nothing to change", fixedText.Find("#findings-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScriptGetsTheFindingsWordingFromThePage()
    {
        var findings = Render<DraftFindings>(p => p.Add(f => f.Findings, []));

        var region = findings.Find("#draft-findings");
        Assert.Equal("Worth changing:", region.GetAttribute("data-severity-warning"));
        Assert.Contains("{n}", region.GetAttribute("data-summary-many"), StringComparison.Ordinal);
        var guide = Catalog.LintRules.Single(r => r.Id == "too-much-detail").Guide.Href;
        Assert.Contains(guide, region.GetAttribute("data-guide-titles"), StringComparison.Ordinal);
        Assert.NotNull(findings.Find("template#finding-template"));
    }
}
