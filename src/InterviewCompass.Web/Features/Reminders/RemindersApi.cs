using System.Text;
using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InterviewCompass.Web.Features.Reminders;

/// <summary>
/// The owner's reminders: their choices (<c>/reminders/options</c>), what is due (<c>/reminders</c>) and the calendar files
/// (<c>/calendar.ics</c>, <c>/applications/{id}/calendar.ics</c>), all computed when asked.
/// </summary>
internal static class RemindersApi
{
    public const string AllFileName = "interviewcompass-reminders.ics";

    public static RouteGroupBuilder MapRemindersApi(this RouteGroupBuilder api)
    {
        var reminders = api.MapGroup("/reminders").WithTags("Reminders");
        reminders.MapGet("/", GetAsync)
            .WithSummary("What is due today in the owner's zone, the owner's dated open applications and every reminder with the address it opens.");
        reminders.MapGet("/options", GetOptionsAsync)
            .WithSummary("The owner's reminder choices: business days before a reply counts overdue, a time of day and a time zone.");
        reminders.MapPut("/options", PutOptionsAsync)
            .WithSummary("Keeps the owner's reminder choices (replyOverdueDays 0 to 30; remindAt HH:mm with an IANA timeZone); issues the owner cookie on the first save.");

        api.MapGet("/calendar.ics", AllCalendarAsync).WithTags("Reminders")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithSummary("Every reminder of the owner's applications as one iCalendar file (RFC 5545); cleared dates and closed applications come as cancelled entries.");
        api.MapGet("/applications/{id:guid}/calendar.ics", ApplicationCalendarAsync).WithTags("Reminders")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One application's reminders as an iCalendar file (RFC 5545): a stable UID per reminder, a SEQUENCE that grows with each change.");
        return api;
    }

    private static async Task<Ok<RemindersResponse>> GetAsync(OwnerReminders reminders, CancellationToken ct) =>
        TypedResults.Ok(OwnerReminders.Response(await reminders.StateAsync(cancellationToken: ct)));

    private static async Task<Ok<ReminderOptionsResponse>> GetOptionsAsync(OwnerReminders reminders, CancellationToken ct) =>
        TypedResults.Ok(ReminderOptionsResponse.Of(await reminders.OptionsAsync(ct)));

    private static async Task<Results<Ok<ReminderOptionsResponse>, ValidationProblem>> PutOptionsAsync(
        ReminderOptionsInput request, OwnerReminders reminders, CancellationToken ct)
    {
        var (saved, check) = await reminders.SaveOptionsAsync(request, ct);
        return saved is null ? TypedResults.ValidationProblem(check.Errors) : TypedResults.Ok(ReminderOptionsResponse.Of(saved));
    }

    private static async Task<IResult> AllCalendarAsync(OwnerReminders reminders, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var state = await reminders.StateAsync(cancellationToken: ct);
        return File(state, http, clock, AllFileName);
    }

    private static async Task<IResult> ApplicationCalendarAsync(
        Guid id, OwnerReminders reminders, SavedApplications applications, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await applications.FindAsync(id, ct) is not { } application)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such application in your history.");
        }

        var state = await reminders.StateAsync(id, ct);
        return File(state, http, clock, $"interviewcompass-{Slug(application.Company)}.ics");
    }

    private static FileContentHttpResult File(ReminderState state, HttpContext http, TimeProvider clock, string name)
    {
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var text = CalendarFile.Write(CalendarEntries.From(state.Reminders, site, state.Options), clock.GetUtcNow());
        return TypedResults.File(Encoding.UTF8.GetBytes(text), CalendarFile.ContentType, name);
    }

    /// <summary>A file name part from a company name: ASCII letters and digits, words joined by hyphens.</summary>
    internal static string Slug(string company)
    {
        var slug = new StringBuilder();
        foreach (var c in company.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 40)
            {
                break;
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "reminders" : text + "-reminders";
    }
}
