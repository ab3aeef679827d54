using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Checks;

/// <summary>
/// Issue 18 (5): the same card offline as online. For every outcome of every checklist, the card the browser draws at
/// once (js/check-verdict.js filling the server's own template) is the card the server renders for the same kept check:
/// the same markup, section by section and in order, outcome tone and mark, reasons with their links, the words with
/// Copy and Read aloud, the other option, and "Draft a message from this" (which then opens the composer prefilled).
/// </summary>
public sealed class VerdictCardTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    /// <summary>The card's markup with whitespace-only text left out and runs of whitespace made one space.</summary>
    private const string Normalised = """
        () => {
            const card = document.getElementById("verdict").cloneNode(true);
            const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
            const blank = [];
            while (walker.nextNode()) {
                if (walker.currentNode.data.trim() === "") { blank.push(walker.currentNode); }
                else { walker.currentNode.data = walker.currentNode.data.replace(/\s+/g, " "); }
            }
            blank.forEach((node) => node.remove());
            return card.outerHTML;
        }
        """;

    [Fact]
    public async Task EveryOutcomeOfEveryChecklistIsTheSameCardDrawnHereAsFromTheServer()
    {
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest");
        var compared = 0;
        foreach (var checklist in RealContent.Catalog.Checklists)
        {
            foreach (var (outcome, answers) in AnswersForEachOutcome(checklist))
            {
                await page.GotoAsync($"/check/{checklist.Id}?start=new", new() { Timeout = 60_000 });
                await Expect(page.Locator("html[data-check-ready]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
                foreach (var (item, answer) in answers)
                {
                    await page.Locator($"input[type=radio][name='Answer[{item}]'][value='{answer}']").CheckAsync();
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
                await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-outcome", outcome);
                await Expect(page.Locator("#verdict button[data-copy-target]").First).ToBeVisibleAsync();
                // Read aloud is revealed by its own script once it has loaded: compare after it has, on both cards.
                await Expect(page.Locator("#verdict button[data-speak-target]").First).ToBeVisibleAsync();
                var drawnHere = await page.EvaluateAsync<string>(Normalised);

                await Expect(page.Locator("#check-autosave-status[data-state='saved']")).ToBeAttachedAsync(new() { Timeout = 30_000 });
                await page.ReloadAsync();
                await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-outcome", outcome);
                await Expect(page.Locator("#verdict button[data-copy-target]").First).ToBeVisibleAsync();
                await Expect(page.Locator("#verdict button[data-speak-target]").First).ToBeVisibleAsync();
                var fromServer = await page.EvaluateAsync<string>(Normalised);

                Assert.Equal(fromServer, drawnHere);
                compared++;
            }
        }

        Assert.Equal(RealContent.Catalog.Checklists.Sum(c => c.Outcomes.Count), compared);
    }

    [Fact]
    public async Task DraftAMessageFromAVerdictGivenOfflineOpensTheComposerPrefilled()
    {
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest");
        await page.GotoAsync("/check/withdrawal", new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new System.Text.RegularExpressions.Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch"));
        await page.GotoAsync("/check/withdrawal?start=new");
        await Expect(page.Locator("html[data-check-ready]")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        var withdrawal = RealContent.Checklist("withdrawal");
        var (outcome, answers) = AnswersForEachOutcome(withdrawal).First(o => withdrawal.FindOutcome(o.Outcome)?.Message is not null);
        foreach (var (item, answer) in answers)
        {
            await page.Locator($"input[type=radio][name='Answer[{item}]'][value='{answer}']").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
        await Expect(page.Locator("#verdict")).ToHaveAttributeAsync("data-outcome", outcome);
        await page.GetByRole(AriaRole.Link, new() { Name = "Draft a message from this" }).ClickAsync();

        var kind = RealContent.Catalog.MessageKindsById[withdrawal.FindOutcome(outcome)!.Message!];
        await Expect(page.Locator("form[data-composer][data-script='ready']")).ToBeAttachedAsync();
        await Expect(page.GetByLabel("Message", new() { Exact = true })).ToHaveValueAsync(kind.Id);
        await Expect(page.GetByLabel("Message text")).Not.ToBeEmptyAsync();
    }

    /// <summary>For each outcome, the fewest answers (none, one, or two) that give it, found with the server's engine.</summary>
    private static List<(string Outcome, (string Item, string Answer)[] Answers)> AnswersForEachOutcome(Checklist checklist)
    {
        var engine = new VerdictEngine();
        var found = new Dictionary<string, (string, string)[]>(StringComparer.Ordinal);
        var singles = checklist.Items.SelectMany(i => i.AllowedAnswers.Select(a => (i.Id, a))).ToArray();
        var candidates = new List<(string Item, string Answer)[]> { Array.Empty<(string, string)>() };
        candidates.AddRange(singles.Select(s => new[] { s }));
        candidates.AddRange(from a in singles from b in singles where string.CompareOrdinal(a.Id, b.Id) < 0 select new[] { a, b });
        foreach (var answers in candidates)
        {
            var verdict = engine.Assess(checklist, answers.ToDictionary(a => a.Item, a => a.Answer)).Verdict!;
            found.TryAdd(verdict.Outcome, answers);
            if (found.Count == checklist.Outcomes.Count)
            {
                break;
            }
        }

        Assert.Equal(checklist.Outcomes.Count, found.Count);
        return [.. checklist.Outcomes.Select(o => (o.Id, found[o.Id]))];
    }
}
