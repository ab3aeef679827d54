using System.Globalization;
using System.Text.Json;
using InterviewCompass.EndToEnd.Support;
using InterviewCompass.Web.Features.Calendar;
using Microsoft.AspNetCore.WebUtilities;

namespace InterviewCompass.EndToEnd.Features.Calendar;

/// <summary>
/// The browser's calendar writer (js/calendar.js) gives byte for byte the file the server writes with Ical.Net
/// (<see cref="CalendarFile"/>) for the same reminders and stamp, over many random reminder sets; and both are
/// read back by an independent RFC 5545 parser, ical.js (tests/tools, npm), loaded into the same page: every
/// event keeps its UID, SEQUENCE, status, a DISPLAY alarm with a trigger, and a timed one its zone and instant.
/// </summary>
public sealed class CalendarConformanceTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const int Sets = 300;

    private static readonly string IcalJs = Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "ical.js", "dist", "ical.js");

    private static readonly string[] Zones =
        ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "Pacific/Chatham", "America/St_Johns", "UTC", "Europe/Berlin"];

    private static readonly string[] Texts =
    [
        "Cedar", "Birch & Sons", "Caf\u00e9 M\u00fcller", "O'Brien, Reyes; partners", "back\\slash", "two\nlines", "crlf\r\nhere", "tab\there",
        "bell\u0007", "\ud83d\ude00 smile", "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", "\u4e2d\u6587\u516c\u53f8", "colon: quote \"q\"", "",
        "a long company name that goes on and on, well past the seventy-five octets a line may hold before folding",
    ];

    private const string Compare = """
        async ({ cases, stamp }) => {
            const { writeCalendar } = await import("/js/calendar.js");
            const differences = [];
            for (const c of cases) {
                const actual = writeCalendar(c.entries, stamp);
                if (actual !== c.expected && differences.length < 3) {
                    differences.push({ expected: c.expected, actual });
                }
            }
            return differences;
        }
        """;

    private const string Parse = """
        (files) => files.map(text => {
            const calendar = new ICAL.Component(ICAL.parse(text));
            for (const zone of calendar.getAllSubcomponents("vtimezone")) {
                ICAL.TimezoneService.register(zone);
            }
            const events = calendar.getAllSubcomponents("vevent").map(component => {
                const event = new ICAL.Event(component);
                const alarms = component.getAllSubcomponents("valarm").map(a => ({
                    action: a.getFirstPropertyValue("action"),
                    trigger: String(a.getFirstPropertyValue("trigger")),
                    description: a.getFirstPropertyValue("description"),
                }));
                return {
                    uid: event.uid,
                    sequence: event.sequence,
                    status: component.getFirstPropertyValue("status"),
                    summary: event.summary,
                    url: component.getFirstPropertyValue("url"),
                    allDay: event.startDate.isDate,
                    zone: component.getFirstProperty("dtstart").getParameter("tzid") ?? null,
                    unix: event.startDate.isDate ? null : event.startDate.toUnixTime(),
                    alarms,
                };
            });
            for (const zone of calendar.getAllSubcomponents("vtimezone")) {
                ICAL.TimezoneService.remove(zone.getFirstPropertyValue("tzid"));
            }
            return events;
        })
        """;

    [Fact]
    public async Task TheBrowserWritesTheSameFileAsTheServerForManyReminderSets()
    {
        var seed = Environment.TickCount;
        Output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var stamp = new DateTimeOffset(2026, 12, 2, 7, 49, 31, TimeSpan.Zero);
        var cases = Enumerable.Range(0, Sets).Select(_ =>
        {
            var entries = RandomEntries(random);
            return new { entries = entries.Select(ToJson).ToList(), expected = CalendarFile.Write(entries, stamp) };
        }).ToList();

        var page = await OpenAsync(Viewport.Desktop, "/");
        var differences = await page.EvaluateAsync<JsonElement>(Compare, new { cases, stamp = stamp.ToString("O", CultureInfo.InvariantCulture) });

        Assert.True(differences.GetArrayLength() == 0, $"js/calendar.js differs from CalendarFile:{Environment.NewLine}{differences}");
    }

    [Fact]
    public async Task AnIndependentParserReadsEveryEventWithItsAlarmZoneAndSequence()
    {
        var random = new Random(Environment.TickCount);
        var sets = Enumerable.Range(0, 60).Select(_ => RandomEntries(random)).ToList();
        var files = sets.Select(s => CalendarFile.Write(s, DateTimeOffset.UnixEpoch.AddDays(20_000))).ToList();

        var page = await OpenAsync(Viewport.Desktop, "/");
        await LoadIcalJsAsync(page);
        var parsed = await page.EvaluateAsync<JsonElement>(Parse, files);

        for (var s = 0; s < sets.Count; s++)
        {
            var events = parsed[s].EnumerateArray().ToList();
            Assert.Equal(sets[s].Count, events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var (entry, read) = (sets[s][i], events[i]);
                Assert.Equal(entry.Uid, read.GetProperty("uid").GetString());
                Assert.Equal(entry.Sequence, read.GetProperty("sequence").GetInt32());
                Assert.Equal(entry.Cancelled ? "CANCELLED" : null, read.GetProperty("status").GetString());
                Assert.Equal(entry.Url.OriginalString, read.GetProperty("url").GetString());
                var alarm = Assert.Single(read.GetProperty("alarms").EnumerateArray());
                Assert.Equal("DISPLAY", alarm.GetProperty("action").GetString());
                Assert.Equal(entry.At is null ? "-PT15H" : "-P1D", alarm.GetProperty("trigger").GetString());
                Assert.False(string.IsNullOrEmpty(alarm.GetProperty("description").GetString()) && entry.Summary.Trim().Length > 0);
                if (entry.At is null)
                {
                    Assert.True(read.GetProperty("allDay").GetBoolean());
                }
                else
                {
                    Assert.Equal(CalendarFile.IsUtc(entry.TimeZone!) ? null : entry.TimeZone, read.GetProperty("zone").GetString());
                    Assert.Equal(CalendarFile.Instant(entry).ToUnixTimeSeconds(), read.GetProperty("unix").GetInt64());
                }
            }
        }
    }

    [Fact]
    public async Task ADateChangedAfterADownloadUpdatesTheSameEntryAndAClearedOneIsCancelled()
    {
        var url = new Uri(Server.BaseAddress, "/drafts/new?kind=follow-up&company=Birch");
        var first = new CalendarEntry("app-reply-overdue@interviewcompass", 0, new DateOnly(2026, 12, 8), null, null, "No reply from Birch yet: follow up", "Birch said", url, false);
        var moved = first with { Sequence = 1, Date = new DateOnly(2026, 12, 15) };
        var cleared = moved with { Sequence = 2, Cancelled = true };
        var files = new[] { first, moved, cleared }.Select(e => CalendarFile.Write([e], DateTimeOffset.UnixEpoch)).ToList();

        var page = await OpenAsync(Viewport.Desktop, "/");
        await LoadIcalJsAsync(page);
        var parsed = await page.EvaluateAsync<JsonElement>(Parse, files);

        var events = parsed.EnumerateArray().Select(f => Assert.Single(f.EnumerateArray())).ToList();
        Assert.All(events, e => Assert.Equal(first.Uid, e.GetProperty("uid").GetString()));
        Assert.Equal([0, 1, 2], events.Select(e => e.GetProperty("sequence").GetInt32()));
        Assert.Equal([null, null, "CANCELLED"], events.Select(e => e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task TheServersCalendarRoutesParseWithIcalJsAndATimedReminderKeepsItsZone()
    {
        var page = await OpenAsync(Viewport.Desktop, "/");
        await LoadIcalJsAsync(page);
        var files = await page.EvaluateAsync<string[]>("""
            async () => {
                const json = { "Content-Type": "application/json" };
                const options = await fetch("/api/v1/reminders/options", { method: "PUT", headers: json, body: JSON.stringify({ remindAt: "09:00", timeZone: "Europe/London" }) });
                const created = await fetch("/api/v1/applications", { method: "POST", headers: json,
                    body: JSON.stringify({ company: "Birch & Sons", role: "data analyst", decideBy: "2030-07-05", expectReplyBy: "2030-07-01" }) });
                const { id } = await created.json();
                const one = await fetch(`/api/v1/applications/${id}/calendar.ics`);
                const all = await fetch("/api/v1/calendar.ics");
                return [String(options.status), one.headers.get("content-type"), await one.text(), await all.text()];
            }
            """);
        Assert.Equal(("200", "text/calendar; charset=utf-8"), (files[0], files[1]));

        var parsed = await page.EvaluateAsync<JsonElement>(Parse, files[2..]);

        foreach (var file in parsed.EnumerateArray())
        {
            var events = file.EnumerateArray().ToList();
            Assert.Equal(["Decide on Birch & Sons' offer", "No reply from Birch & Sons yet: follow up"], events.Select(e => e.GetProperty("summary").GetString()));
            Assert.All(events, e => Assert.Equal("Europe/London", e.GetProperty("zone").GetString()));
            Assert.All(events, e => Assert.Equal("DISPLAY", Assert.Single(e.GetProperty("alarms").EnumerateArray()).GetProperty("action").GetString()));
            // 09:00 in London in July is 08:00 UTC (summer time).
            Assert.Equal(new DateTimeOffset(2030, 7, 5, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), events[0].GetProperty("unix").GetInt64());
            Assert.StartsWith(Server.BaseAddress.GetLeftPart(UriPartial.Authority) + "/drafts/new?kind=follow-up", events[1].GetProperty("url").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>ical.js from tests/tools (npm ci --prefix tests/tools), run in the page as a plain script that sets <c>ICAL</c>.</summary>
    internal static async Task LoadIcalJsAsync(Microsoft.Playwright.IPage page)
    {
        if (!File.Exists(IcalJs))
        {
            var message = $"ical.js is not installed: run 'npm ci --prefix tests/tools' ({IcalJs})";
            if (BrowserFixture.IsCi)
            {
                Assert.Fail(message + " (CI=true: this test may not skip)");
            }

            Assert.Skip(message);
        }

        var source = await File.ReadAllTextAsync(IcalJs, Cancellation);
        source = source.Replace("export { ICALmodule as default };", "globalThis.ICAL = ICALmodule;", StringComparison.Ordinal);
        await page.EvaluateAsync("() => {\n" + source + "\nreturn true;\n}");
    }

    private static List<CalendarEntry> RandomEntries(Random random)
    {
        var count = random.Next(1, 6);
        var entries = new List<CalendarEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var timed = random.Next(3) == 0;
            var company = Texts[random.Next(Texts.Length)];
            var query = new Dictionary<string, string?> { ["kind"] = "follow-up", ["company"] = company, ["date"] = "Friday 4 December 2026" };
            entries.Add(new CalendarEntry(
                $"{Guid.NewGuid():N}-{(random.Next(2) == 0 ? "decide-by" : "reply-overdue")}@interviewcompass",
                random.Next(0, 12),
                new DateOnly(2026, 1, 1).AddDays(random.Next(0, 1100)),
                timed ? new TimeOnly(random.Next(6, 23), random.Next(2) * 30) : null,
                timed ? Zones[random.Next(Zones.Length)] : null,
                $"No reply from {company} yet: follow up {Texts[random.Next(Texts.Length)]}",
                string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Texts[random.Next(Texts.Length)])),
                new Uri(QueryHelpers.AddQueryString("http://127.0.0.1:5175/drafts/new", query)),
                random.Next(5) == 0));
        }

        return entries;
    }

    private static object ToJson(CalendarEntry entry) => new
    {
        uid = entry.Uid,
        sequence = entry.Sequence,
        date = entry.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        at = entry.At?.ToString("HH:mm", CultureInfo.InvariantCulture),
        timeZone = entry.TimeZone,
        summary = entry.Summary,
        description = entry.Description,
        url = entry.Url.OriginalString,
        cancelled = entry.Cancelled,
    };
}
