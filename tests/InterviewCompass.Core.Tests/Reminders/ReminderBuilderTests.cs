using InterviewCompass.Core.Reminders;

namespace InterviewCompass.Core.Tests.Reminders;

public sealed class ReminderBuilderTests
{
    private static readonly Guid Birch = Guid.Parse("6b3786bc-3f69-4912-b0b7-1a045c12b488");
    private static readonly Guid Cedar = Guid.Parse("dfc6e4b0-6262-490f-9070-316e76f87ec4");
    private static readonly ReminderOptions Defaults = new();

    private static DatedApplication Application(Guid id, string company, DateTrack? decideBy = null, DateTrack? replyBy = null) =>
        new(id, company, "data analyst", "Sam Patel", decideBy ?? DateTrack.None, replyBy ?? DateTrack.None);

    [Fact]
    public void AReplyDateGivesAFollowUpReminderTwoBusinessDaysLaterThatOpensThePrefilledNote()
    {
        // Thursday 3 December 2026: two business days on is Monday 7 December.
        var reminder = Assert.Single(ReminderBuilder.For(
            Application(Birch, "Birch", replyBy: DateTrack.Set(new DateOnly(2026, 12, 3))), Defaults));

        Assert.Equal(new DateOnly(2026, 12, 7), reminder.Date);
        Assert.Equal("No reply from Birch yet: follow up", reminder.Summary);
        Assert.Equal("follow-up", reminder.Step.MessageKind);
        Assert.Equal(
            [new("company", "Birch"), new("role", "data analyst"), new("name", "Sam Patel"), new("date", "Thursday 3 December 2026")],
            reminder.Step.Fields);
        Assert.Equal(0, reminder.Sequence);
        Assert.False(reminder.Cancelled);
    }

    [Fact]
    public void ADecideByDateGivesADecisionReminderThatOpensTheCheck()
    {
        var reminder = Assert.Single(ReminderBuilder.For(
            Application(Cedar, "Cedar", decideBy: DateTrack.Set(new DateOnly(2026, 12, 4))), Defaults));

        Assert.Equal("Decide on Cedar's offer", reminder.Summary);
        Assert.Equal(new DateOnly(2026, 12, 4), reminder.Date);
        Assert.Equal("withdrawal", reminder.Step.Checklist);
    }

    [Fact]
    public void ChangingADateKeepsTheUidAndRaisesTheSequenceAndClearingItCancelsWithAHigherOne()
    {
        var set = DateTrack.Set(new DateOnly(2026, 12, 3));
        var moved = set.Then(new DateOnly(2026, 12, 10));
        var same = moved.Then(new DateOnly(2026, 12, 10));
        var cleared = moved.Then(null);

        var reminders = new[] { set, moved, same, cleared }
            .Select(t => Assert.Single(ReminderBuilder.For(Application(Birch, "Birch", replyBy: t), Defaults)))
            .ToList();

        Assert.Single(reminders.Select(r => r.Uid).Distinct());
        Assert.Equal([0, 1, 1, 2], reminders.Select(r => r.Sequence));
        Assert.Equal([false, false, false, true], reminders.Select(r => r.Cancelled));
        Assert.Equal(new DateOnly(2026, 12, 14), reminders[3].Date);
    }

    [Fact]
    public void UidsDifferPerApplicationAndKind()
    {
        var both = new DateTrack(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 3), 1);
        var uids = new[] { Birch, Cedar }
            .SelectMany(id => ReminderBuilder.For(Application(id, "X", both, both), Defaults))
            .Select(r => r.Uid).ToList();

        Assert.Equal(4, uids.Distinct().Count());
    }

    [Theory]
    [InlineData("2026-12-04", 2, "2026-12-08")] // Friday -> Tuesday
    [InlineData("2026-12-05", 1, "2026-12-07")] // Saturday -> Monday
    [InlineData("2026-12-07", 5, "2026-12-14")] // a working week
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void FollowUpDayCountsBusinessDays(string given, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ReminderBuilder.FollowUpDay(DateOnly.Parse(given, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void DueNowShowsAnOverdueReplyOnlyOnceTheChosenDaysHavePassedAndADecisionTodayFirst()
    {
        var today = new DateOnly(2026, 12, 9); // Wednesday
        var applications = new[]
        {
            Application(Birch, "Birch", replyBy: DateTrack.Set(new DateOnly(2026, 12, 3))), // overdue since Monday 7th
            Application(Cedar, "Cedar", decideBy: DateTrack.Set(today)),
            Application(Guid.NewGuid(), "Alder", replyBy: DateTrack.Set(new DateOnly(2026, 12, 8))), // overdue only from Thursday 10th
            Application(Guid.NewGuid(), "Elm", decideBy: DateTrack.Set(today.AddDays(-3))),
        };

        var due = DueNow.For(applications, today, Defaults);

        Assert.Equal(["Decide on Cedar's offer", "Decide on Elm's offer", "No reply from Birch yet: follow up"], due.Select(d => d.Reminder.Summary));
        Assert.Equal(2, due[2].DaysLate);
        Assert.Empty(DueNow.For(applications.Take(1), today, new ReminderOptions(ReplyOverdueDays: 5)));
    }

    [Fact]
    public void ACancelledDateIsNeverDue()
    {
        var cleared = DateTrack.Set(new DateOnly(2026, 12, 1)).Then(null);

        Assert.Empty(DueNow.For([Application(Cedar, "Cedar", decideBy: cleared)], new DateOnly(2026, 12, 9), Defaults));
    }
}
