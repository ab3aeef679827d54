using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace InterviewCompass.EndToEnd.Support;

/// <summary>
/// Base for browser tests. Each test opens pages with <see cref="OpenAsync(Viewport, string, bool, string?, Uri?)"/>; at the end every page is
/// screenshotted to <c>TestResults/screenshots/</c> and the test fails if any page logged a console
/// error or threw a page error. Derive, take <see cref="AppServer"/> as a class fixture, and pass the
/// <see cref="BrowserFixture"/> (an assembly fixture) and <see cref="ITestOutputHelper"/> through.
/// </summary>
public abstract partial class BrowserTest(BrowserFixture browser, AppServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<OpenPage> _pages = [];

    protected AppServer Server { get; } = server;

    protected ITestOutputHelper Output { get; } = output;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Screenshots land here: <c>&lt;test binaries&gt;/TestResults/screenshots</c>.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>
    /// A new browser context (own cookies, storage) and page at <paramref name="viewport"/>, at
    /// <paramref name="path"/> on the test server (or on <paramref name="through"/>, e.g. a slow proxy in front of it).
    /// <paramref name="label"/> tells screenshots of one test apart.
    /// </summary>
    protected async Task<IPage> OpenAsync(Viewport viewport, string path = "/", bool javaScript = true, string? label = null, Uri? through = null) =>
        await OpenAsync(viewport, path, new BrowserLook(), javaScript, label, through);

    /// <summary>As <see cref="OpenAsync(Viewport, string, bool, string?, Uri?)"/>, in the colour scheme, locale and time zone of <paramref name="look"/>.</summary>
    protected async Task<IPage> OpenAsync(Viewport viewport, string path, BrowserLook look, bool javaScript = true, string? label = null, Uri? through = null)
    {
        ArgumentNullException.ThrowIfNull(viewport);
        ArgumentNullException.ThrowIfNull(look);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (through ?? Server.BaseAddress).ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsPhone,
            HasTouch = viewport.IsPhone,
            JavaScriptEnabled = javaScript,
            Locale = look.Locale,
            ColorScheme = look.Dark ? ColorScheme.Dark : ColorScheme.Light,
            TimezoneId = look.TimeZone,
        });
        // Waits are for conditions, not for speed: a loaded 2-core machine (CI beside other work) can take many
        // seconds for a first page, so the limits only stop a test that would otherwise hang.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var open = new OpenPage(page, viewport, javaScript, label ?? (javaScript ? null : "nojs"));
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                open.Errors.Add($"console error on {page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => open.Errors.Add($"page error on {page.Url}: {error}");
        _pages.Add(open);

        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        return page;
    }

    /// <summary>Lets a console error matching <paramref name="pattern"/> pass on this page (e.g. the 404 of a missing page).</summary>
    protected void AllowConsoleError(IPage page, Regex pattern) => Find(page).Allowed.Add(pattern);

    /// <summary>Keeps a screenshot of what the screen shows at this step; named after the test, the viewport and <paramref name="step"/>.</summary>
    protected async Task ScreenshotAsync(IPage page, string step, bool fullPage = false)
    {
        var open = Find(page);
        await SaveScreenshotAsync(open, step, fullPage);
    }

    /// <summary>
    /// Runs axe on the page as it is now and fails with a readable list of every violation. axe needs
    /// script, so a page opened without JavaScript is checked as a copy of its HTML in a scripted page
    /// (with the app's own script blocked): the same markup and styles its visitor sees.
    /// </summary>
    protected async Task AssertAccessibleAsync(IPage page)
    {
        var open = Find(page);
        AxeResult result;
        if (open.JavaScript)
        {
            result = await page.RunAxe();
        }
        else
        {
            await using var copy = await CopyWithScriptAsync(page, open.Viewport);
            result = await copy.Page.RunAxe();
        }

        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = DescribeViolations(page.Url, result.Violations);
        Output.WriteLine(report);
        Assert.Fail(report);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var errors = new List<string>();
        foreach (var open in _pages)
        {
            if (!open.Page.IsClosed)
            {
                await SaveScreenshotAsync(open, step: null, fullPage: true);
            }

            errors.AddRange(open.Errors.Where(e => !open.Allowed.Exists(p => p.IsMatch(e)) && !BrowserOwnRequest().IsMatch(e)));
            await open.Page.Context.CloseAsync();
        }

        _pages.Clear();
        GC.SuppressFinalize(this);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Output.WriteLine(error);
            }

            Assert.Fail("The browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    private async Task<PageCopy> CopyWithScriptAsync(IPage page, Viewport viewport)
    {
        var html = await page.ContentAsync();
        var address = new UriBuilder(page.Url) { Fragment = string.Empty }.Uri;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsPhone,
            Locale = "en-GB",
        });
        var copy = await context.NewPageAsync();
        await copy.RouteAsync(url => new Uri(url) == address, route => route.FulfillAsync(new RouteFulfillOptions
        {
            Body = html,
            ContentType = "text/html; charset=utf-8",
        }));
        await copy.RouteAsync("**/_framework/**", route => route.AbortAsync());
        await copy.GotoAsync(address.ToString());
        return new PageCopy(copy);
    }

    private OpenPage Find(IPage page) =>
        _pages.Find(p => ReferenceEquals(p.Page, page)) ?? throw new InvalidOperationException("Not a page opened by OpenAsync.");

    private async Task SaveScreenshotAsync(OpenPage open, string? step, bool fullPage)
    {
        var parts = new[] { TestName(), open.Viewport.Name, open.Label, step }.Where(p => !string.IsNullOrEmpty(p));
        var file = Path.Combine(ScreenshotFolder, Unsafe().Replace(string.Join('-', parts), "_") + ".png");
        Directory.CreateDirectory(ScreenshotFolder);
        try
        {
            // A step shows the screen as the person sees it (unless asked for the whole page); the final one the whole page.
            await open.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        }
        catch (PlaywrightException e)
        {
            // A screenshot is a record, not an assertion: a page that cannot be captured must not hide the real result.
            Output.WriteLine($"screenshot {file} not taken: {e.Message}");
        }
    }

    private static string TestName()
    {
        var test = TestContext.Current;
        return $"{test.TestClass?.TestClassSimpleName ?? "test"}.{test.TestMethod?.MethodName ?? "unknown"}";
    }

    private static string DescribeViolations(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found accessibility violations on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine().Append($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var message in checks.Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct())
                {
                    text.AppendLine().Append("      ").Append(message.ReplaceLineEndings(" "));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Chromium asks for /favicon.ico on its own; the page never referred to it.</summary>
    [GeneratedRegex(@"status of 404 \(Not Found\) \(https?://[^/]+/favicon\.ico[:0-9]*\)$")]
    private static partial Regex BrowserOwnRequest();

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex Unsafe();

    private sealed record PageCopy(IPage Page) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(Page.Context.CloseAsync());
    }

    private sealed record OpenPage(IPage Page, Viewport Viewport, bool JavaScript, string? Label)
    {
        public List<string> Errors { get; } = [];

        public List<Regex> Allowed { get; } = [];
    }
}
