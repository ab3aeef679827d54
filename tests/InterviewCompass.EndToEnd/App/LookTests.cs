using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewCompass.EndToEnd.App;

/// <summary>
/// Issue 13: every page type at 320, 360 and 1280 px, light and dark. A phone's header is one row (at most 64 px), nothing
/// scrolls sideways, every tap target is at least 44 x 44 CSS px, and a screenshot of each page is kept for review.
/// </summary>
public sealed partial class LookTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const int TapTarget = 44;
    private const int PhoneHeaderHeight = 64;

    public static TheoryData<string, bool> Sizes => new()
    {
        { Viewport.SmallPhone.Name, false },
        { Viewport.SmallPhone.Name, true },
        { Viewport.Phone.Name, false },
        { Viewport.Phone.Name, true },
        { Viewport.Desktop.Name, false },
        { Viewport.Desktop.Name, true },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task EveryPageTypeFitsTheScreenWithFullSizeTapTargets(string viewportName, bool dark)
    {
        var viewport = Viewport.Named(viewportName);
        var page = await OpenAsync(viewport, "/", new BrowserLook(dark), label: dark ? "dark" : "light");
        var kept = await KeptThings.KeepAsync(page);
        AllowConsoleError(page, MissingPage());
        var problems = new List<string>();

        foreach (var (name, path) in PageTypes(kept))
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            problems.AddRange((await MeasureAsync(page, viewport.IsPhone)).Select(p => $"{name} ({path}): {p}"));
            await ScreenshotAsync(page, name, fullPage: true);
        }

        if (viewport.IsPhone)
        {
            await page.GotoAsync("/check/walk-out");
            await page.Locator(".menu summary").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "History" })).ToBeVisibleAsync();
            problems.AddRange((await MeasureAsync(page, phone: true)).Select(p => $"open menu: {p}"));
            await ScreenshotAsync(page, "menu-open");
        }

        Assert.True(problems.Count == 0, $"At {viewport} ({(dark ? "dark" : "light")}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>
    /// Text at 200% (a browser's text-size setting doubles the root font size, which every size here follows) on a 360 px
    /// phone: every page type still fits the width (nothing scrolls sideways) and its heading is on screen.
    /// </summary>
    [Fact]
    public async Task EveryPageTypeFitsAPhoneWithTextAt200Percent()
    {
        var page = await OpenAsync(Viewport.Phone, "/", label: "text-200");
        var kept = await KeptThings.KeepAsync(page);
        AllowConsoleError(page, MissingPage());
        await page.AddInitScriptAsync("document.addEventListener('DOMContentLoaded', () => document.documentElement.style.fontSize = '200%')");
        var problems = new List<string>();

        foreach (var (name, path) in PageTypes(kept).Concat([("applications", "/applications"), ("new-application", "/applications/new")]))
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.Equal("32px", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).fontSize"));
            var width = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (width[0] > width[1])
            {
                problems.Add($"{name} ({path}): scrolls sideways: {width[0]} px of content in {width[1]} px");
            }

            await ScreenshotAsync(page, name + "-text-200", fullPage: true);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task ThePhoneMenuOpensAndClosesWithoutJavaScript()
    {
        var page = await OpenAsync(Viewport.SmallPhone, "/check/walk-out", javaScript: false);
        var history = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "History" });
        await Expect(history).ToBeHiddenAsync();

        await page.Locator(".menu summary").ClickAsync();
        await Expect(history).ToBeVisibleAsync();
        await history.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Your history" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheFirstScreenOfTheWalkOutCheckOnASmallPhoneShowsEveryWhatHappenedChoice()
    {
        var page = await OpenAsync(Viewport.SmallPhone, "/check/walk-out?start=new");
        var starts = page.Locator("nav.starts a.start");

        Assert.True(await starts.CountAsync() >= 3, "the walk-out check opens with its What happened? choices");
        var last = await starts.Last.BoundingBoxAsync();

        Assert.NotNull(last);
        Assert.True(last.Y + last.Height <= Viewport.SmallPhone.Height, $"The last What happened? choice ends at {last.Y + last.Height} px, below the {Viewport.SmallPhone.Height} px screen");
    }

    [Theory]
    [InlineData("/check/walk-out?focus=pay")]
    [InlineData("/check/exit-interview?start=new")]
    [InlineData("/check/withdrawal?start=new")]
    public async Task TheFirstScreenOfAQuestionListOnASmallPhoneShowsTheFirstQuestionAndItsAnswers(string path)
    {
        var page = await OpenAsync(Viewport.SmallPhone, path);
        var first = page.Locator("fieldset.question").First;

        var box = await first.Locator(".choices").BoundingBoxAsync();

        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= Viewport.SmallPhone.Height, $"The first question's answers end at {box.Y + box.Height} px, below the {Viewport.SmallPhone.Height} px screen");
    }

    [Fact]
    public async Task EveryLinkInAHomeDoorCanBeTapped()
    {
        var page = await OpenAsync(Viewport.Phone, "/");

        foreach (var link in await page.Locator(".door a").AllAsync())
        {
            await link.ScrollIntoViewIfNeededAsync();
            var href = await link.GetAttributeAsync("href");
            var onTop = await link.EvaluateAsync<string?>(
                "a => { const r = a.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('a')?.getAttribute('href') ?? null; }");
            Assert.True(href == onTop, $"A tap on {href} lands on {onTop}");
        }
    }

    private static IEnumerable<(string Name, string Path)> PageTypes(KeptThings kept) =>
    [
        ("home", "/"),
        ("guide-list", "/guides"),
        ("guide", "/guides/walking-out"),
        ("check", "/check/walk-out?start=new"),
        ("verdict", "/check/walk-out?a=salary-below-posted:raised-unresolved,aggressive-behaviour:no"),
        ("cheat-sheet", "/check/walk-out/cheat-sheet"),
        ("about", "/about"),
        ("exit-interview", "/check/exit-interview?start=new"),
        ("composer", "/drafts/new?kind=withdrawal-note"),
        ("history", "/history"),
        ("kept-check", $"/history/sessions/{kept.Session}"),
        ("kept-draft", $"/history/drafts/{kept.Draft}"),
        ("transfer", "/history/transfer"),
        ("delete-everything", "/history/delete-everything"),
        ("not-found", "/no-such-page"),
    ];

    /// <summary>What a person would trip over on this screen: sideways scroll, a tall header, small tap targets.</summary>
    private static async Task<IReadOnlyList<string>> MeasureAsync(IPage page, bool phone)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            ([phone, tap, headerMax]) => {
                const problems = [];
                const width = document.documentElement.scrollWidth;
                if (width > window.innerWidth) {
                    problems.push(`scrolls sideways: ${width} px of content in ${window.innerWidth} px`);
                }
                const header = document.querySelector(".site-header");
                const headerHeight = header ? header.getBoundingClientRect().height : 0;
                if (phone && headerHeight > headerMax) {
                    problems.push(`header is ${Math.round(headerHeight)} px high`);
                }
                const describe = (el) => `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}> "${(el.textContent || el.value || "").trim().slice(0, 40)}"`;
                // WCAG 2.5.8's exception: a link inside a sentence takes the sentence's line height.
                const inSentence = (el) => getComputedStyle(el).display === "inline"
                    && el.parentElement && el.parentElement.textContent.trim().length > el.textContent.trim().length + 1;
                for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")) {
                    if (el.classList.contains("skip-link") || el.getClientRects().length === 0) {
                        continue;
                    }
                    const style = getComputedStyle(el);
                    if (style.visibility === "hidden") {
                        continue;
                    }
                    if (el.matches("a") && inSentence(el)) {
                        continue;
                    }
                    // A radio or checkbox is tapped through the label around it.
                    const target = el.matches("input[type=radio], input[type=checkbox]") && el.closest("label") ? el.closest("label") : el;
                    const box = target.getBoundingClientRect();
                    if (box.width < tap - 0.5 || box.height < tap - 0.5) {
                        problems.push(`${describe(el)} is ${Math.round(box.width)} x ${Math.round(box.height)} px`);
                    }
                }
                return problems;
            }
            """,
            new object[] { phone, TapTarget, PhoneHeaderHeight });
        return [.. json.EnumerateArray().Select(p => p.GetString() ?? "")];
    }

    [GeneratedRegex(@"status of 404 \(Not Found\) \(https?://[^/]+/no-such-page")]
    private static partial Regex MissingPage();
}
