using System.Text.Json;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// Issue 12's budgets (docs/PERFORMANCE.md, "Offline"): the first visit is not heavier, what is kept for offline use
/// is small, and with no network and a 4x slower CPU the walk-out verdict is on screen in three taps (its app time is
/// reported for the benchmark table, budget one second).
/// </summary>
[Collection(nameof(OfflineBudgetTests))]
public sealed class OfflineBudgetTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    /// <summary>
    /// The check page's first load before this issue (the same measure: every response finished by the load event,
    /// encoded bytes, favicons left out as the browser fetches them on its own schedule): 119,874 bytes at edc8b22;
    /// 130,798 bytes with issue 13's design system (its stylesheets and header, look branch at 2b916e4, before the
    /// offline work was merged into it), which is the page this additions are measured against.
    /// </summary>
    private const int CheckPageBytesBefore = 130_798;

    /// <summary>Issue 12 set 150 KB; issue 18 moved it to 180 KB, then 200 KB with issues 20-22 (the follow-up guide, /about's links, the calendar and application scripts: 188,236 B at merge), for the three cheat sheets (about 8 KB) and the
    /// local-first modules (the outbox, the card filler, the composer's parts: about 12 KB). Measured: 172,472 B.</summary>
    private const int KeptBudgetBytes = 200 * 1024;

    private const double AppTimeBudgetMs = 1000;

    /// <summary>
    /// Records, in every document, when the last tap happened, in wall-clock ms: a new page may be drawn by another
    /// renderer process, whose high-resolution clock does not line up with the last one's.
    /// </summary>
    private const string TapClock = """
        document.addEventListener("click", () => sessionStorage.setItem("tap", String(Date.now())), { capture: true });
        document.addEventListener("submit", () => sessionStorage.setItem("tap", String(Date.now())), { capture: true });
        """;

    [Fact]
    public async Task FirstVisitToTheCheckPageFetchesNothingForOfflineBeforeItHasLoaded()
    {
        // Not an HTML page: nothing registers the service worker before the measured load.
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        long bytes = 0;
        var loaded = false;
        var urls = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var beforeLoad = new System.Collections.Concurrent.ConcurrentBag<string>();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is { } received)
            {
                urls[received.GetProperty("requestId").GetString()!] = received.GetProperty("response").GetProperty("url").GetString()!;
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            var url = e is { } finished ? urls.GetValueOrDefault(finished.GetProperty("requestId").GetString()!) : null;
            if (!loaded && e is { } done && url is not null && !url.Contains("/favicon.", StringComparison.Ordinal))
            {
                var length = (long)done.GetProperty("encodedDataLength").GetDouble();
                Interlocked.Add(ref bytes, length);
                beforeLoad.Add(url);
                Output.WriteLine($"{length,8:N0}  {url}");
            }
        };
        await page.Context.ClearCookiesAsync();
        await cdp.SendAsync("Network.clearBrowserCache");

        await page.GotoAsync("/check/walk-out", new() { WaitUntil = WaitUntilState.Load });
        loaded = true;

        // The byte count is reported for docs/PERFORMANCE.md (this Debug test server sends static assets uncompressed, so
        // it overstates what a published build sends); what is asserted is that nothing of the offline copy is fetched
        // before the page has loaded: the service worker and its list wait for the load event.
        Output.WriteLine($"check page, first load: {bytes:N0} bytes transferred (before: {CheckPageBytesBefore:N0}, {100.0 * bytes / CheckPageBytesBefore - 100:+0.0;-0.0}%)");
        Assert.True(bytes > 0, "the first load was measured");
        Assert.DoesNotContain(beforeLoad, u => u.Contains("/sw.js", StringComparison.Ordinal) || u.Contains("/api/v1/offline", StringComparison.Ordinal) || u.Contains("/guides/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EverythingKeptForOfflineUseIsAtMost200KilobytesCompressed()
    {
        var page = await OpenAsync(Viewport.Phone, "/");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });

        var kept = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const rows = [];
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    for (const request of await cache.keys()) {
                        const body = await (await cache.match(request)).arrayBuffer();
                        const gzip = await new Response(new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
                        rows.push({ url: request.url, bytes: body.byteLength, gzip: gzip.byteLength });
                    }
                }
                return rows;
            }
            """);

        var rows = kept.EnumerateArray().Select(r => (Url: r.GetProperty("url").GetString()!, Bytes: r.GetProperty("bytes").GetInt32(), Gzip: r.GetProperty("gzip").GetInt32())).ToList();
        foreach (var (url, bytes, gzip) in rows.OrderByDescending(r => r.Gzip))
        {
            Output.WriteLine($"{gzip,8:N0} {bytes,9:N0}  {new Uri(url).PathAndQuery}");
        }

        var total = rows.Sum(r => r.Gzip);
        Output.WriteLine($"kept for offline use: {rows.Count} responses, {rows.Sum(r => r.Bytes):N0} bytes, {total:N0} bytes gzip-compressed");
        Assert.Contains(rows, r => r.Url.EndsWith("/check/walk-out", StringComparison.Ordinal));
        Assert.InRange(total, 1, KeptBudgetBytes);
    }

    [Fact]
    public async Task WithNoNetworkAndASlowPhoneTheWalkOutVerdictIsOnScreenInThreeTaps()
    {
        var page = await OpenAsync(Viewport.Phone, "/");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        await page.Context.AddInitScriptAsync(TapClock);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        await Server.StopAsync();
        await page.Context.SetOfflineAsync(true);
        AllowConsoleError(page, new System.Text.RegularExpressions.Regex("net::ERR_INTERNET_DISCONNECTED|Failed to fetch|ERR_CONNECTION_REFUSED"));
        try
        {
            // Tapping the installed icon opens the start page. A page is ready for the next tap once its scripts
            // have run (DOMContentLoaded: module scripts run before it), so that is where its time ends.
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });
            var open = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");

            await page.GetByRole(AriaRole.Link, new() { Name = "The pay", Exact = true }).ClickAsync();
            // Whether the link is followed as a page load or patched in by enhanced navigation, the time ends when the
            // chosen questions are on screen and the page's scripts have run.
            var shown = await page.WaitForFunctionAsync(
                "() => document.querySelector('.focus-heading') !== null && document.readyState !== 'loading' && Date.now()");
            var focus = await shown.JsonValueAsync<double>() - await page.EvaluateAsync<double>("() => Number(sessionStorage.getItem('tap'))");

            var pay = RealContent.Item("walk-out", "salary-below-posted");
            await page.GetByRole(AriaRole.Group, new() { Name = pay.Prompt }).GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).ClickAsync();
            await page.EvaluateAsync("""
                () => new MutationObserver((_, observer) => {
                    if (document.getElementById("verdict-headline")) {
                        sessionStorage.setItem("verdict", String(Date.now()));
                        observer.disconnect();
                    }
                }).observe(document.body, { childList: true, subtree: true })
                """);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show my verdict" }).ClickAsync();
            await Expect(page.Locator("#verdict-headline")).ToHaveTextAsync(RealContent.Outcome("walk-out", "raise").Headline);
            var verdict = await page.EvaluateAsync<double>("() => Number(sessionStorage.getItem('verdict')) - Number(sessionStorage.getItem('tap'))");

            var total = open + focus + verdict;
            // The time is a benchmark figure (docs/PERFORMANCE.md, "Offline"), reported against its budget rather than
            // asserted: on a shared 2-core CI box it measures the neighbours as much as the app.
            Output.WriteLine($"no network, CPU 4x slower: open {open:N0} ms + what happened {focus:N0} ms + verdict {verdict:N0} ms = {total:N0} ms of app time (budget {AppTimeBudgetMs:N0} ms), plus three taps");
            Assert.True(total > 0, "the three steps were timed");
        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
            Server.StartAgain();
        }
    }
}

/// <summary>Timings need the machine to themselves: these tests run after the others, one at a time.</summary>
[CollectionDefinition(nameof(OfflineBudgetTests), DisableParallelization = true)]
public sealed class OfflineBudgetsRunAlone;
