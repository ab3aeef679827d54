using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(InterviewCompass.EndToEnd.Support.BrowserFixture))]

namespace InterviewCompass.EndToEnd.Support;

/// <summary>
/// One headless Debian Chromium for the whole run, driven by Playwright (never a browser download).
/// The one place that decides what happens without Chromium: skip locally, fail under <c>CI=true</c>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>True when the environment says this is a CI run, where nothing may skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The browser; skips the calling test (or fails it under CI) when Chromium is not installed.</summary>
    public IBrowser Browser
    {
        get
        {
            EnsureChromium();
            return _browser ?? throw new InvalidOperationException("Chromium was found but did not start; see the fixture's error.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        // Expect(...) polls for a condition; its limit is for a hung test, not a speed goal (see BrowserTest).
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static void EnsureChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        const string Message = "Chromium not found at " + ChromiumPath + ": install it with 'apt-get install chromium'";
        if (IsCi)
        {
            Assert.Fail(Message + " (CI=true: browser tests may not skip)");
        }

        Assert.Skip(Message);
    }
}
