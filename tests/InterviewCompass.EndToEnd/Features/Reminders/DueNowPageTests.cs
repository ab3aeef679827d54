using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Reminders;

/// <summary>
/// Due now on /applications on a phone, with and without JavaScript: a decision whose day has passed is listed with its
/// next step one tap away, the page passes axe, and the reminder settings' zone field is filled with the browser's own
/// zone only when scripts run.
/// </summary>
public sealed class DueNowPageTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ADecisionDueIsListedWithItsCheckOneTapAway(bool javaScript)
    {
        var page = await OpenAsync(Viewport.Phone, "/applications", javaScript);
        // A day long past: due whatever today is.
        var created = await page.APIRequest.PostAsync("/api/v1/applications", new()
        {
            DataObject = new { company = "Rowan", role = "Analyst", decideBy = "2001-02-03" },
        });
        Assert.Equal(201, created.Status);

        await page.GotoAsync("/applications");
        var item = page.Locator("#due-now [data-reminder-uid]");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("Decide on Rowan's offer");
        await Expect(item).ToContainTextAsync("Saturday 3 February 2001");
        await AssertAccessibleAsync(page);

        var zone = page.Locator("#reminder-zone");
        if (javaScript)
        {
            var browserZone = await page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone");
            await Expect(zone).ToHaveValueAsync(browserZone);
        }
        else
        {
            await Expect(zone).ToHaveValueAsync("");
        }

        await item.GetByRole(AriaRole.Link, new() { Name = "Open the check that helps you decide" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.Url("/check/withdrawal"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }
}
