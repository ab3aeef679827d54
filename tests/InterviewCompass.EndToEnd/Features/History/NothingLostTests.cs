using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.History;

/// <summary>
/// Issue 4: answers given in the walk-out check survive a reload and a server restart, and the finished
/// check is in <c>/history</c>. Each test has its own server (and data folder), so restarts stay local.
/// </summary>
public sealed partial class NothingLostTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const string WalkOut = "walk-out";

    [Fact]
    public async Task HalfAnsweredCheckComesBackAfterAReload()
    {
        var items = RealContent.Checklist(WalkOut).Items;
        var half = items.Take(items.Count / 2).Select(i => (i.Id, Choice: "No")).ToArray();
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}");

        await AnswerAsync(page, half);
        await ExpectAutosavedAsync(page);
        await page.ReloadAsync();
        await ContinueIfOfferedAsync(page);

        await ExpectAnsweredAsync(page, half);
        foreach (var item in items.Skip(half.Length))
        {
            await Expect(Question(page, item.Id).GetByRole(AriaRole.Radio, new() { Checked = true })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task AnswersSurviveAServerRestartAndTheCheckCanBeFinished()
    {
        var leave = RealContent.Outcome(WalkOut, "leave");
        (string Item, string Choice)[] before = [("salary-below-posted", "I raised it and it was not resolved"), ("culture-mismatch", "No")];
        (string Item, string Choice)[] after = [("aggressive-behaviour", "No")];
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}");

        await AnswerAsync(page, before);
        await ExpectAutosavedAsync(page);
        await Server.RestartAsync();
        await page.ReloadAsync();
        await ContinueIfOfferedAsync(page);
        await ExpectAnsweredAsync(page, before);
        await AnswerAsync(page, after);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = leave.Headline, Level = 2 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FinishedCheckIsInHistoryWithItsVerdict()
    {
        var checklist = RealContent.Checklist(WalkOut);
        var leave = RealContent.Outcome(WalkOut, "leave");
        var page = await OpenAsync(Viewport.Phone, $"/check/{WalkOut}");
        await AnswerAsync(page, [("aggressive-behaviour", "Yes")]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = leave.Headline, Level = 2 })).ToBeVisibleAsync();
        // The verdict is drawn at once and saved behind: the page says when the server has it.
        await ExpectAutosavedAsync(page);

        await page.GotoAsync("/history");

        var entry = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { HasText = checklist.Title });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync(new Regex($"Verdict: ({leave.Id}|{Regex.Escape(leave.Headline)})", RegexOptions.IgnoreCase));
        await AssertAccessibleAsync(page);
        await entry.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = leave.Headline })).ToBeVisibleAsync();
    }

    /// <summary>The page says the answers are kept and its address names the kept session.</summary>
    private static async Task ExpectAutosavedAsync(IPage page)
    {
        // Every answer given so far is kept (not just the first): the status settles on "saved" with nothing in flight.
        // Saved behind the page: on a loaded machine the server's answer can take a while.
        await Expect(page.Locator("#check-autosave-status[data-state='saved']")).ToHaveTextAsync("Answers saved", new() { Timeout = 20_000 });
        await Expect(page).ToHaveURLAsync(new Regex("[?&]session=[0-9a-f]{32}"));
    }

    private static ILocator Question(IPage page, string itemId) =>
        page.GetByRole(AriaRole.Group, new() { Name = RealContent.Item(WalkOut, itemId).Prompt, Exact = true });

    private static async Task AnswerAsync(IPage page, IEnumerable<(string Item, string Choice)> answers)
    {
        foreach (var (item, choice) in answers)
        {
            var radio = Question(page, item).GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true });
            await radio.CheckAsync();
            await Expect(radio).ToBeCheckedAsync();
        }
    }

    private static async Task ExpectAnsweredAsync(IPage page, IEnumerable<(string Item, string Choice)> answers)
    {
        foreach (var (item, choice) in answers)
        {
            await Expect(Question(page, item).GetByRole(AriaRole.Radio, new() { Name = choice, Exact = true })).ToBeCheckedAsync();
        }
    }

    /// <summary>Reopening an unfinished check may restore the answers at once or first offer to continue; take the offer.</summary>
    private static async Task ContinueIfOfferedAsync(IPage page)
    {
        var offer = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = ContinueOffer() })
            .Or(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = ContinueOffer() }));
        if (await offer.CountAsync() > 0)
        {
            await offer.First.ClickAsync();
        }
    }

    [GeneratedRegex("^continue", RegexOptions.IgnoreCase)]
    private static partial Regex ContinueOffer();
}
