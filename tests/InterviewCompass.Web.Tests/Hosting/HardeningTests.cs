using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static InterviewCompass.Web.Tests.Support.OwnerDataClient;

namespace InterviewCompass.Web.Tests.Hosting;

/// <summary>Issue 19, defect 7: any spelling of UTF-8 is JSON; any other charset is 415, never 500.</summary>
public sealed class JsonCharsetTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    [InlineData("application/json; charset=utf8")]
    public async Task UtfEightInAnyQuotingOrCaseIsAccepted(string contentType)
    {
        using var browser = app.NewBrowser();
        using var content = new StringContent("""{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}}""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await browser.PostAsync("/api/v1/sessions", content, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/sessions", "application/json; charset=latin1")]
    [InlineData("/api/v1/drafts", "application/json; charset=\"utf-16\"")]
    [InlineData("/api/v1/messages/lint", "application/json; charset=nonsense")]
    [InlineData("/api/v1/checklists/walk-out/assess", "application/problem+json; charset=iso-8859-1")]
    public async Task AnyOtherCharsetIsUnsupportedMediaType(string path, string contentType)
    {
        using var browser = app.NewBrowser();
        using var content = new StringContent("{}");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await browser.PostAsync(path, content, Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Issue 19, defect 3: deleting everything asks the browser to clear what the site keeps in it.</summary>
public sealed class ClearSiteDataTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheApiDeleteClearsSiteStorage()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();

        using var deleted = await browser.DeleteAsync("/api/v1/owner", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("\"storage\"", Assert.Single(deleted.Headers.GetValues("Clear-Site-Data")));
    }

    [Fact]
    public async Task ThePageDeleteClearsSiteStorage()
    {
        using var browser = app.NewBrowser();
        await browser.SaveSessionAsync();

        using var posted = await browser.SubmitFormAsync("/history/delete-everything", "delete-everything", new Dictionary<string, string> { ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("\"storage\"", Assert.Single(posted.Headers.GetValues("Clear-Site-Data")));
        Assert.Equal(0, (await (await browser.GetAsync("/api/v1/sessions", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }
}

/// <summary>Issue 19, defect 8: another site's form post never fills the composer with its words.</summary>
public sealed class CrossSitePostTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://attacker.example")]
    public async Task ACrossSitePostToTheComposerShowsNoneOfItsText(string header, string value)
    {
        using var browser = app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/drafts/new")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "composer",
                ["Kind"] = "withdrawal-note",
                ["Tone"] = "warm",
                ["Subject"] = "Planted subject 91c2",
                ["Body"] = "Planted body 91c2: send your code to this address",
            }),
        };
        request.Headers.Add(header, value);

        using var posted = await browser.SendAsync(request, Ct);
        using var landed = posted.StatusCode == HttpStatusCode.SeeOther ? await browser.GetAsync(posted.Headers.Location, Ct) : posted;
        var html = await landed.Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("91c2", html, StringComparison.Ordinal);
        Assert.Equal(0, (await (await browser.GetAsync("/api/v1/drafts", Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ASameSitePostWithAnExpiredTokenStillGetsItsTextBack()
    {
        using var browser = app.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/drafts/new")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "composer",
                ["__RequestVerificationToken"] = "stale",
                ["Kind"] = "withdrawal-note",
                ["Tone"] = "warm",
                ["Body"] = "My own words 55aa",
            }),
        };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var posted = await browser.SendAsync(request, Ct);

        Assert.Contains("My own words 55aa", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

/// <summary>Issue 19, defect 9: the OpenAPI document describes both bodies of the export.</summary>
public sealed class ExportDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task TheExportHasAJsonSchemaAndAMarkdownText()
    {
        using var browser = app.NewBrowser();
        var document = await (await browser.GetAsync("/openapi/v1.json", Ct)).JsonAsync();

        var content = document.GetProperty("paths").GetProperty("/api/v1/export").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        var reference = content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1]);
        Assert.Equal("array", schema.GetProperty("properties").GetProperty("sessions").GetProperty("type").GetString());
        Assert.Equal("array", schema.GetProperty("properties").GetProperty("drafts").GetProperty("type").GetString());
        Assert.Equal("string", content.GetProperty("text/markdown").GetProperty("schema").GetProperty("type").GetString());
    }
}

/// <summary>Issue 19, defect 6: the data folder is 0700 and the database files 0600 whatever the umask, also when they existed.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderModeTests
{
    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);

    [Fact]
    public async Task WithAPermissiveUmaskOnlyTheAppCanReadItsFiles()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var folder = Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"), "data");
        var previous = SetUmask(0);
        Assert.Equal(0u, SetUmask(0));
        try
        {
            using var factory = new AppFactory(new Dictionary<string, string?> { ["Storage:DataPath"] = folder });
            using var browser = factory.CreateClient();
            await browser.SaveSessionAsync();

            AssertOwnerOnly(folder);
        }
        finally
        {
            Assert.Equal(0u, SetUmask(previous));
        }
    }

    [Fact]
    public async Task FilesMadeWithWiderModesAreNarrowedAtStart()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        var folder = Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"), "data");
        using (var first = new AppFactory(new Dictionary<string, string?> { ["Storage:DataPath"] = folder }))
        {
            using var browser = first.CreateClient();
            await browser.SaveSessionAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        foreach (var file in Directory.GetFiles(folder))
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }

        using var second = new AppFactory(new Dictionary<string, string?> { ["Storage:DataPath"] = folder });
        using var again = second.CreateClient();
        await again.SaveSessionAsync();

        AssertOwnerOnly(folder);
    }

    private static void AssertOwnerOnly(string folder)
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var files = Directory.GetFiles(folder);
        Assert.Contains(files, f => f.EndsWith("interviewcompass.db", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(
            File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{Path.GetFileName(f)} is {File.GetUnixFileMode(f)}"));
    }
}

/// <summary>Issue 19, defect 12: a key sent again is expected: an information line, never an error with a stack trace.</summary>
public sealed class KeyCollisionLogTests
{
    [Fact]
    public async Task ARetriedKeyIsLoggedAsInformationWithoutAStackTrace()
    {
        using var factory = new LoggedAppFactory();
        using var browser = factory.CreateClient();
        var key = Guid.NewGuid().ToString();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions")
            {
                Content = ApiAssert.Json("""{"checklist": "walk-out", "answers": {"aggressive-behaviour": "yes"}}"""),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await browser.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        // Start-up notes aside (Data Protection's key storage; the database preparation, which says so when a loaded
        // machine keeps it waiting; EF's note that the applications migration rebuilds two SQLite tables with foreign
        // keys off), nothing about these requests is a warning or an error.
        string[] startUp = ["Microsoft.AspNetCore.DataProtection", "Microsoft.EntityFrameworkCore.Migrations", "InterviewCompass.Web.Data.DatabasePreparation"];
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Warning
            && !startUp.Any(category => e.Category.StartsWith(category, StringComparison.Ordinal)));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Exception is not null && e.Level >= LogLevel.Information);
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("seen again", StringComparison.Ordinal) && e.Exception is null);
    }
}

/// <summary>Issue 19, defect 1: a listener that cannot accept any more ends the process, so a supervisor restarts it.</summary>
public sealed class ListenerGuardTests
{
    [Fact]
    public async Task AnOutOfMemoryInAcceptStopsTheAppWithExitCode70()
    {
        var lifetime = new RecordingLifetime();
        var failure = new ListenerFailure(lifetime, Microsoft.Extensions.Logging.Abstractions.NullLogger<ListenerFailure>.Instance) { FailFastAfter = null };
        var listener = await new GuardedListenerFactory(new ThrowingFactory(), failure).BindAsync(new IPEndPoint(IPAddress.Loopback, 0), Ct);
        var exitCode = Environment.ExitCode;
        try
        {
            await Assert.ThrowsAsync<OutOfMemoryException>(async () => await listener.AcceptAsync(Ct));

            Assert.True(lifetime.Stopped);
            Assert.Equal(ListenerGuard.ExitCode, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = exitCode;
        }
    }

    [Fact]
    public async Task StoppingTheServerIsNotAFailure()
    {
        var lifetime = new RecordingLifetime();
        var failure = new ListenerFailure(lifetime, Microsoft.Extensions.Logging.Abstractions.NullLogger<ListenerFailure>.Instance) { FailFastAfter = null };
        var listener = await new GuardedListenerFactory(new ThrowingFactory(), failure).BindAsync(new IPEndPoint(IPAddress.Loopback, 0), Ct);

        await listener.UnbindAsync(Ct);
        await Assert.ThrowsAsync<OutOfMemoryException>(async () => await listener.AcceptAsync(Ct));

        Assert.False(lifetime.Stopped);
    }

    [Fact]
    public async Task TheRealServerAcceptsThroughTheGuard()
    {
        await using var app = KestrelApp.Start();
        using var client = app.NewClient();

        using var response = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class ThrowingFactory : IConnectionListenerFactory
    {
        public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IConnectionListener>(new ThrowingListener(endpoint));
    }

    private sealed class ThrowingListener(EndPoint endpoint) : IConnectionListener
    {
        public EndPoint EndPoint => endpoint;

#pragma warning disable CA2201 // What the runtime throws when the heap is full: the case under test.
        public ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default) => throw new OutOfMemoryException();
#pragma warning restore CA2201

        public ValueTask UnbindAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingLifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped = true;
    }
}

/// <summary>Issue 19, defect 10: over HTTPS the cookies are __Host- cookies and a token works only for its owner.</summary>
public sealed class HostCookieTests
{
    private sealed class ProductionApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Fact]
    public async Task OverHttpsTheOwnerAndAntiforgeryCookiesAreHostCookies()
    {
        using var factory = new ProductionApp();
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var saved = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = new Dictionary<string, string> { ["aggressive-behaviour"] = "yes" } });
        using var page = await browser.GetAsync("/history/delete-everything", Ct);

        var cookies = saved.Headers.GetValues("Set-Cookie").Concat(page.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("__Host-ic-owner=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("path=/", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("__Host-ic-antiforgery=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(cookies, c => c.Contains("domain=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnOldOwnerCookieIsReadOnceAndMovedToTheHostName()
    {
        using var factory = new ProductionApp();
        var options = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false };
        using var browser = factory.CreateClient(options);
        using var saved = await browser.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = new Dictionary<string, string> { ["aggressive-behaviour"] = "yes" } });
        var value = saved.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-ic-owner=", StringComparison.Ordinal)).Split(';')[0]["__Host-ic-owner=".Length..];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions").WithCookie($"ic-owner={value}");
        using var listed = await browser.SendAsync(request, Ct);

        Assert.Equal(1, (await listed.JsonAsync()).GetProperty("total").GetInt32());
        Assert.Contains(listed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ic-owner=", StringComparison.Ordinal));
        Assert.Contains(listed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherOwnersTokenCannotDeleteThisOwnersHistory()
    {
        using var factory = new AppFactory();
        using var attacker = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var victim = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        // The attacker's own owner, page, token and antiforgery cookie.
        using var attackerSave = await attacker.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = new Dictionary<string, string> { ["aggressive-behaviour"] = "yes" } });
        var attackerOwner = OwnerCookieOf(attackerSave);
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/history/delete-everything").WithCookie(attackerOwner);
        using var page = await attacker.SendAsync(pageRequest, Ct);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var fields = HiddenFields(await page.Content.ReadAsStringAsync(Ct), "delete-everything");
        fields["Confirm"] = "true";

        using var victimSave = await victim.PostJsonAsync("/api/v1/sessions", new { checklist = "walk-out", answers = new Dictionary<string, string> { ["aggressive-behaviour"] = "yes" } });
        var victimOwner = OwnerCookieOf(victimSave);

        // A sibling host planted the attacker's antiforgery cookie in the victim's browser; the victim's owner cookie goes along.
        using var post = new HttpRequestMessage(HttpMethod.Post, "/history/delete-everything") { Content = new FormUrlEncodedContent(fields) }
            .WithCookie($"{victimOwner}; {antiforgery}");
        using var posted = await victim.SendAsync(post, Ct);

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sessions").WithCookie(victimOwner);
        Assert.Equal(1, (await (await victim.SendAsync(list, Ct)).JsonAsync()).GetProperty("total").GetInt32());
    }
}

/// <summary>
/// Issue 19, defect 11: a disk that fills while the app runs (a 2 MB tmpfs) gets 503 with <c>Retry-After</c> for saves and an
/// unhealthy <c>/healthz</c>, never a bare 500, from the API and from a page's own form. Needs root to mount the tmpfs; skipped where mounting is refused.
/// </summary>
public sealed class FullDiskTests
{
    [Fact]
    public async Task SavesOnAFullDiskAnswer503WithRetryAfterAndHealthTurnsUnhealthy()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ic-tests", "full-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using (var mount = System.Diagnostics.Process.Start("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", folder]))
        {
            await mount.WaitForExitAsync(Ct);
            Assert.SkipWhen(mount.ExitCode != 0, "Mounting a 2 MB tmpfs was refused (needs root): the full-disk test cannot run here.");
        }

        try
        {
            await using var factory = new AppFactory(new Dictionary<string, string?> { ["Storage:DataPath"] = Path.Combine(folder, "data") });
            using var browser = factory.CreateClient();
            await browser.SaveSessionAsync();
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz", Ct)).StatusCode);

            // Everything left on the disk goes to a filler file.
            await using (var filler = File.Create(Path.Combine(folder, "filler")))
            {
                var block = new byte[64 * 1024];
                try
                {
                    while (true)
                    {
                        await filler.WriteAsync(block, Ct);
                        await filler.FlushAsync(Ct);
                    }
                }
                catch (IOException)
                {
                    // The disk is full.
                }
            }

            HttpResponseMessage? refused = null;
            for (var i = 0; i < 400 && refused is null; i++)
            {
                var response = await browser.PostJsonAsync("/api/v1/drafts", new { kind = "withdrawal-note", tone = "warm", body = $"{i} " + new string('x', 4_990) });
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    refused = response;
                }
            }

            Assert.NotNull(refused);
            await ApiAssert.ProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync("/healthz", Ct)).StatusCode);

            // A page's own form (JavaScript off) gets the same 503 and a page that says nothing saved was lost.
            var page = await browser.SubmitFormAsync("/applications/new", "new-application", new Dictionary<string, string>
            {
                ["Kind"] = "application",
                ["Company"] = "Cedar " + new string('x', 150),
                ["Notes"] = new string('y', 4_900),
            });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Cannot save right now", html, StringComparison.Ordinal);
            Assert.Contains("Everything you saved before is still there", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/history", Ct)).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using var unmount = System.Diagnostics.Process.Start("umount", ["-l", folder]);
            await unmount.WaitForExitAsync(CancellationToken.None);
        }
    }
}
