using InterviewCompass.EndToEnd.Support;

namespace InterviewCompass.EndToEnd.Features.Drafts;

/// <summary>Share (js/share.js) sits beside Copy in the composer only where the browser has the Web Share API, and hands it the note as shown.</summary>
public sealed class ShareNoteTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const string Path = "/drafts/new?kind=follow-up&company=Birch&role=analyst&name=Sam&date=Friday%204%20December%202026";

    [Fact]
    public async Task ShareIsHiddenWithoutTheWebShareApiAndSharesTheNoteWhereItExists()
    {
        var page = await OpenAsync(Viewport.Phone, Path);
        if (await page.EvaluateAsync<bool>("() => typeof navigator.share === 'function'"))
        {
            Assert.True(await page.Locator("#draft-share").IsVisibleAsync());
            return;
        }

        Assert.False(await page.Locator("#draft-share").IsVisibleAsync());
        // A browser that has it: a stand-in that keeps what it was given.
        await page.Context.AddInitScriptAsync("navigator.share = async (data) => { window.sharedNote = data; };");
        await page.ReloadAsync();
        await page.Locator("#draft-share").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('draft-action-status').textContent === 'Shared.'");

        var body = await page.Locator("#draft-body").InputValueAsync();
        Assert.Contains("hear by Friday 4 December 2026", body, StringComparison.Ordinal);
        Assert.Equal(body, await page.EvaluateAsync<string>("() => window.sharedNote.text"));
        Assert.Equal(await page.Locator("#draft-subject").InputValueAsync(), await page.EvaluateAsync<string>("() => window.sharedNote.title"));
    }
}
