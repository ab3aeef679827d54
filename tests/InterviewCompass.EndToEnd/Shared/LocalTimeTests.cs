using System.Globalization;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Shared;

/// <summary>Issue 13: times read in the person's own zone, saying which; without JavaScript the server's UTC says UTC.</summary>
public sealed class LocalTimeTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    // Half an hour off UTC and no daylight saving: a time shown in UTC could never pass for it.
    private const string Zone = "Asia/Kolkata";

    [Theory]
    [InlineData("/history")]
    [InlineData("/history/sessions/{session}")]
    [InlineData("/history/drafts/{draft}")]
    public async Task KeptThingsShowTheirTimeInTheBrowsersZone(string path)
    {
        var page = await OpenAsync(Viewport.Phone, "/", new BrowserLook(Locale: "en-US", TimeZone: Zone));
        var kept = await KeptThings.KeepAsync(page);

        await page.GotoAsync(path.Replace("{session}", kept.Session, StringComparison.Ordinal).Replace("{draft}", kept.Draft, StringComparison.Ordinal));

        var time = page.GetByRole(AriaRole.Main).Locator("time[data-local-time]").First;
        var machine = await time.GetAttributeAsync("datetime");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", machine);
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(machine!, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(Zone));
        await Expect(time).ToContainTextAsync(local.ToString("h:mm", CultureInfo.InvariantCulture));
        await Expect(time).ToContainTextAsync("GMT+5:30");
        await Expect(time).Not.ToContainTextAsync("UTC");
    }

    [Fact]
    public async Task WithoutJavaScriptTheTimeSaysUtcAndTheDateIsInWords()
    {
        var page = await OpenAsync(Viewport.Phone, "/", new BrowserLook(TimeZone: Zone));
        await KeptThings.KeepAsync(page);
        var plain = await OpenAsync(Viewport.Phone, "/", new BrowserLook(TimeZone: Zone), javaScript: false, label: "nojs");
        var cookies = await page.Context.CookiesAsync();
        await plain.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
            HttpOnly = c.HttpOnly,
            Secure = c.Secure,
            SameSite = c.SameSite,
        }));

        await plain.GotoAsync("/history");

        var time = plain.GetByRole(AriaRole.Main).Locator("time").First;
        var machine = DateTimeOffset.Parse((await time.GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture);
        await Expect(time).ToHaveTextAsync(machine.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture));
    }
}
