using System.Globalization;
using System.Text.Json;
using InterviewCompass.Core.Reminders;
using InterviewCompass.EndToEnd.Support;
using InterviewCompass.Web.Features.Calendar;

namespace InterviewCompass.EndToEnd.Features.Calendar;

/// <summary>
/// The browser's reminders (js/reminders.js) are the server's: for a table of applications, options and days (dates on
/// weekends, N = 0 to 30 business days, cleared and changed dates, names ending in s, names and contacts outside ASCII
/// and with the characters a link must escape), the module gives the reminders (<see cref="ReminderBuilder"/>, their
/// links as <see cref="CalendarEntries.PathOf"/> builds them), the due list in <see cref="DueNow"/>'s order, and, through
/// js/calendar.js, the very file <see cref="CalendarFile"/> writes for them. Run in a German-language browser in another
/// zone: the dates still read in English ("Friday 4 December 2026").
/// </summary>
public sealed class RemindersConformanceTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private static readonly string[] Companies =
    [
        "Cedar", "Birch & Sons", "Acme Widgets", "HARRIS", "Caf\u00e9 M\u00fcller", "\u4e2d\u6587\u516c\u53f8", "O'Brien; +=?#/: [x] {y} 100%",
        "\ud83d\ude00 Labs", "tab\there", "", "Z\u00fcrich Insurance Ltd.", "a~b_c-d.e!f$g(h)i*j,k;l@m",
    ];

    private static readonly string[] Roles = ["data analyst", "", "Data & AI lead", "Ingeni\u00f6r", "line\nbreak"];

    private static readonly string?[] Contacts = [null, "", "  ", "Ana Mar\u00eda", "Zo\u00eb O'Neil", "Dana Reyes", "\u674e\u534e"];

    private static readonly int[] OverdueDays = [0, 1, 2, 5, 30, 31, -3];

    private static readonly ReminderOptions[] Choices =
    [
        new(),
        new(At: new TimeOnly(9, 0), TimeZone: "Europe/London"),
        new(At: new TimeOnly(18, 30), TimeZone: "America/New_York"),
        new(At: new TimeOnly(9, 0)),
        new(TimeZone: "Asia/Kolkata"),
        new(At: new TimeOnly(7, 30), TimeZone: "UTC"),
    ];

    private const string Compare = """
        async ({ cases, stamp }) => {
            const { allReminders, dueNow, calendarEntries } = await import("/js/reminders.js");
            const { writeCalendar } = await import("/js/calendar.js");
            const differences = [];
            for (const c of cases) {
                const reminders = allReminders(c.applications, c.options);
                const due = dueNow(c.applications, c.today, c.options).map(d => ({ uid: d.reminder.uid, date: d.date, daysLate: d.daysLate }));
                const file = writeCalendar(calendarEntries(reminders, location.origin, c.options), stamp);
                const actual = { reminders: JSON.stringify(reminders), due: JSON.stringify(due), file };
                const expected = { reminders: JSON.stringify(c.reminders), due: JSON.stringify(c.due), file: c.file };
                for (const part of ["reminders", "due", "file"]) {
                    if (actual[part] !== expected[part] && differences.length < 4) {
                        differences.push({ case: c.name, part, expected: expected[part], actual: actual[part] });
                    }
                }
            }
            return differences;
        }
        """;

    [Fact]
    public async Task TheBrowserGivesTheServersRemindersDueListAndFileForEveryCase()
    {
        var cases = Cases().ToList();
        Assert.Contains(cases, c => c.Due.Count > 1);
        var stamp = new DateTimeOffset(2026, 12, 2, 7, 49, 31, TimeSpan.Zero);

        var page = await OpenAsync(Viewport.Desktop, "/manifest.webmanifest", new BrowserLook(Locale: "de-DE", TimeZone: "Pacific/Auckland"));
        var site = new Uri(page.Url);
        var json = cases.Select(c => new
        {
            name = c.Name,
            applications = c.Applications.Select(ToJson).ToList(),
            options = ToJson(c.Options),
            today = Iso(c.Today),
            reminders = c.Reminders.Select(ToJson).ToList(),
            due = c.Due.Select(d => new { uid = d.Reminder.Uid, date = Iso(d.Date), daysLate = d.DaysLate }).ToList(),
            file = CalendarFile.Write(CalendarEntries.From(c.Reminders, site, c.Options), stamp),
        }).ToList();
        Output.WriteLine($"{json.Count} cases, {json.Sum(c => c.reminders.Count)} reminders, {json.Sum(c => c.due.Count)} due");

        var differences = await page.EvaluateAsync<JsonElement>(Compare, new { cases = json, stamp = stamp.ToString("O", CultureInfo.InvariantCulture) });

        Assert.True(differences.GetArrayLength() == 0, $"js/reminders.js differs from the server:{Environment.NewLine}{differences}");
    }

    [Fact]
    public async Task ADateReadsInEnglishAndTheFollowUpDaySkipsTheWeekend()
    {
        var page = await OpenAsync(Viewport.Phone, "/manifest.webmanifest", new BrowserLook(Locale: "fr-FR"));
        var read = await page.EvaluateAsync<string[]>("""
            async () => {
                const { dayInWords, followUpDay } = await import("/js/reminders.js");
                return [dayInWords("2026-12-04"), followUpDay("2026-12-04", 2), followUpDay("2026-12-05", 0), followUpDay("2026-12-05", 1)];
            }
            """);

        Assert.Equal(["Friday 4 December 2026", "2026-12-08", "2026-12-05", "2026-12-07"], read);
        Assert.Equal(read[0], ReminderBuilder.Day(new DateOnly(2026, 12, 4)));
    }

    private sealed record Case(string Name, List<DatedApplication> Applications, ReminderOptions Options, DateOnly Today)
    {
        public List<Reminder> Reminders { get; } = [.. Applications.SelectMany(a => ReminderBuilder.For(a, Options))];

        public IReadOnlyList<DueItem> Due => DueNow.For(Applications, Today, Options);
    }

    /// <summary>Every company, role and contact at least once; every N and option; dates on every weekday; tracks set, changed, cleared and set again.</summary>
    private static IEnumerable<Case> Cases()
    {
        var random = new Random(22);
        var start = new DateOnly(2026, 11, 28); // a Saturday
        for (var i = 0; i < 240; i++)
        {
            var count = i < 12 ? 1 : random.Next(1, 5);
            var applications = Enumerable.Range(0, count).Select(a => new DatedApplication(
                Guid.NewGuid(),
                Companies[(i + a) % Companies.Length],
                Roles[random.Next(Roles.Length)],
                Contacts[(i + a) % Contacts.Length],
                Track(random, start),
                Track(random, start))).ToList();
            var choice = Choices[i % Choices.Length];
            var options = choice with { ReplyOverdueDays = OverdueDays[i / Choices.Length % OverdueDays.Length] };
            yield return new Case($"case {i}", applications, options, start.AddDays(random.Next(-5, 60)));
        }
    }

    private static DateTrack Track(Random random, DateOnly start)
    {
        var day = start.AddDays(random.Next(0, 40));
        return random.Next(6) switch
        {
            0 => DateTrack.None,
            1 => DateTrack.Set(day).Then(day.AddDays(random.Next(1, 9))),
            2 => DateTrack.Set(day).Then(null),
            3 => DateTrack.Set(day).Then(null).Then(day.AddDays(3)),
            _ => DateTrack.Set(day),
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object ToJson(DatedApplication application) => new
    {
        id = application.Id.ToString("D"),
        company = application.Company,
        role = application.Role,
        contact = application.Contact,
        decideBy = ToJson(application.DecideBy),
        expectReplyBy = ToJson(application.ExpectReplyBy),
    };

    private static object ToJson(DateTrack track) => new
    {
        date = track.Date is { } date ? Iso(date) : null,
        lastDate = track.LastDate is { } last ? Iso(last) : null,
        changes = track.Changes,
    };

    private static object ToJson(ReminderOptions options) => new
    {
        replyOverdueDays = options.ReplyOverdueDays,
        remindAt = options.At?.ToString("HH:mm", CultureInfo.InvariantCulture),
        timeZone = options.TimeZone,
    };

    /// <summary>As GET /api/v1/reminders gives a reminder, with its in-site link.</summary>
    private static object ToJson(Reminder reminder) => new
    {
        uid = reminder.Uid,
        kind = reminder.Kind == ReminderKind.DecideBy ? "decide-by" : "reply-overdue",
        application = reminder.ApplicationId.ToString("D"),
        date = Iso(reminder.Date),
        sequence = reminder.Sequence,
        cancelled = reminder.Cancelled,
        summary = reminder.Summary,
        description = reminder.Description,
        href = CalendarEntries.PathOf(reminder),
    };
}
