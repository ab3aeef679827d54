using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Hosting;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Mvc;

namespace InterviewCompass.Web.Features.Reminders;

/// <summary>Reminders: dates on applications as due items and calendar files, and the person's reminder choices.</summary>
internal static class RemindersFeature
{
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OwnerReminders>();
        return builder;
    }

    public static WebApplication MapReminders(this WebApplication app)
    {
        app.MapPersonalApi().MapRemindersApi();

        // The pages' plain form posts (antiforgery-checked by their [FromForm] values); not part of the API document.
        var pages = app.MapGroup("")
            .WithMetadata(new ShowsPersonalDataAttribute())
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ExcludeFromDescription();
        pages.MapPost("/applications/reminder-options", OptionsFormAsync);
        pages.MapPost("/applications/{id:guid}/dates", DatesFormAsync);
        return app;
    }

    private static async Task<IResult> OptionsFormAsync(
        [FromForm] string? replyOverdueDays, [FromForm] string? remindAt, [FromForm] string? timeZone, OwnerReminders reminders, CancellationToken ct)
    {
        int? days = string.IsNullOrWhiteSpace(replyOverdueDays) ? null : int.TryParse(replyOverdueDays, out var d) ? d : -1;
        var (saved, _) = await reminders.SaveOptionsAsync(new ReminderOptionsInput(days, remindAt, timeZone), ct);
        return TypedResults.Redirect(saved is null ? "/applications?reminders=invalid#reminder-options" : "/applications?reminders=saved#reminder-options");
    }

    /// <summary>
    /// The details page's date form: two date inputs, or a quick button ("in a week") whose value is the date itself, so
    /// it works with JavaScript off. An empty input clears its date.
    /// </summary>
    private static async Task<IResult> DatesFormAsync(
        Guid id, [FromForm] string? decideBy, [FromForm] string? expectReplyBy, [FromForm] string? quickDecideBy, [FromForm] string? quickExpectReplyBy,
        [FromForm] string? version, SavedApplications applications, CancellationToken ct)
    {
        var save = await applications.SetDatesAsync(
            id,
            string.IsNullOrEmpty(quickDecideBy) ? decideBy : quickDecideBy,
            string.IsNullOrEmpty(quickExpectReplyBy) ? expectReplyBy : quickExpectReplyBy,
            int.TryParse(version, out var v) ? v : -1,
            ct);
        if (save.NotFound)
        {
            return TypedResults.NotFound();
        }

        var back = $"/applications/{id:N}";
        return save.Conflict ? TypedResults.Redirect($"{back}?problem=conflict#dates")
            : save.Application is null ? TypedResults.Redirect($"{back}?problem=date#dates")
            : TypedResults.Redirect($"{back}?done=dates#dates");
    }
}
