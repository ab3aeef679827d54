using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Applications;

/// <summary>
/// The offer close-out on a phone, with and without JavaScript: three processes in progress, accept one, withdraw from
/// the other two from the close-out page; each note is kept exactly as edited, and outcomes and timelines say so.
/// </summary>
public sealed class CloseOutTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AcceptingOneOfferWithdrawsFromTheOthersWithTheNotesAsEdited(bool javaScript)
    {
        var page = await OpenAsync(Viewport.Phone, "/applications", javaScript);
        await AddAsync(page, "Acme", "Sam Patel");
        await AddAsync(page, "Birch", null);
        var cedar = await AddAsync(page, "Cedar", null);

        await page.GotoAsync(cedar);
        await page.GetByLabel("Your outcome").SelectOptionAsync("accepted-offer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the outcome" }).ClickAsync();
        await Expect(page.Locator("#application-outcome")).ToHaveTextAsync("Accepted the offer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Withdraw from the others" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Withdraw from the others", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        var acme = page.GetByRole(AriaRole.Region, new() { Name = "Acme, Data analyst" });
        await Expect(acme.GetByLabel("Note")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Dear Sam Patel,"));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Cedar, Data analyst" })).ToHaveCountAsync(0);

        var notes = new Dictionary<string, string>
        {
            ["Acme"] = "Dear Sam,\n\nThank you for your time. I have accepted another offer, so I am withdrawing.\n\nBest wishes,\nAlex",
            ["Birch"] = "Hello,\n\nPlease take me out of the process for the analyst role: I have taken another job.\n\nAlex",
        };
        foreach (var (company, note) in notes)
        {
            var section = page.GetByRole(AriaRole.Region, new() { Name = $"{company}, Data analyst" });
            await section.GetByLabel("Note").FillAsync(note);
            await section.GetByRole(AriaRole.Button, new() { Name = "I sent it" }).ClickAsync();
            await Expect(page.Locator("#close-out-notice")).ToHaveTextAsync($"Marked as sent: you withdrew from {company}.");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = $"{company}, Data analyst" })).ToHaveCountAsync(0);
        }

        await Expect(page.Locator("#close-out-done")).ToBeVisibleAsync();

        // Each application says what happened, and its draft is the note exactly as edited.
        var list = await (await page.APIRequest.GetAsync("/api/v1/applications")).JsonAsync();
        var byCompany = list!.Value.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("company").GetString()!, a => a);
        Assert.Equal("accepted-offer", byCompany["Cedar"].GetProperty("outcome").GetString());
        foreach (var (company, note) in notes)
        {
            var id = byCompany[company].GetProperty("id").GetString();
            Assert.Equal("withdrew", byCompany[company].GetProperty("outcome").GetString());
            var application = (await (await page.APIRequest.GetAsync($"/api/v1/applications/{id}")).JsonAsync())!.Value;
            var types = application.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
            Assert.Equal(["created", "draft", "draft-sent", "outcome"], types);
            var draftId = application.GetProperty("timeline")[1].GetProperty("draft").GetString();
            var draft = (await (await page.APIRequest.GetAsync($"/api/v1/drafts/{draftId}")).JsonAsync())!.Value;
            Assert.Equal(note, draft.GetProperty("body").GetString());
            Assert.Equal("withdrawal-note", draft.GetProperty("kind").GetString());
        }

        // The page in words: newest first, the outcome and the sent note.
        await page.GotoAsync($"/applications/{byCompany["Acme"].GetProperty("id").GetString()}");
        await Expect(page.Locator("#application-outcome")).ToHaveTextAsync("Withdrew");
        var timeline = page.Locator("#timeline li");
        await Expect(timeline).ToHaveCountAsync(4);
        await Expect(timeline.First).ToContainTextAsync("Outcome set: Withdrew");
        await Expect(timeline.Last).ToContainTextAsync("Added here");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Drafts" }).GetByText("Sent", new() { Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    /// <summary>Adds an application from the new-application page; returns its page's path.</summary>
    private static async Task<string> AddAsync(IPage page, string company, string? contact)
    {
        await page.GotoAsync("/applications/new");
        await page.GetByLabel("Company").FillAsync(company);
        await page.GetByLabel("Role (optional)").FillAsync("Data analyst");
        if (contact is not null)
        {
            await page.GetByLabel("Who you talk to there (optional)").FillAsync(contact);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{company}, Data analyst", Level = 1 })).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }
}
