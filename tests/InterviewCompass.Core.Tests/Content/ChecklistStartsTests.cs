using InterviewCompass.Core.Tests.TestSupport;

namespace InterviewCompass.Core.Tests.Content;

/// <summary>The optional <c>starts:</c> section: "What happened?" choices that open a checklist on only some items.</summary>
public sealed class ChecklistStartsTests
{
    private const string Checklist = "checklists/walk-out.yml";
    private const string ChecklistPath = "content/checklists/walk-out.yml";

    private const string Starts = """

        starts:
          - id: conduct
            label: The interviewer's behaviour
            items: [shouting, salary-below-posted]
        """;

    [Fact]
    public void StartsAreReadWithTheirItemsInChecklistOrder()
    {
        using var content = ContentFolder.Valid().With(Checklist, ValidContent.WalkOutChecklist + Starts);

        var checklist = ContentAssert.Loads(content.Load()).ChecklistsById["walk-out"];

        var start = Assert.Single(checklist.Starts);
        Assert.Equal("conduct", start.Id);
        Assert.Equal("The interviewer's behaviour", start.Label);
        Assert.Equal(["salary-below-posted", "shouting"], start.Items);
    }

    [Fact]
    public void AChecklistWithoutStartsHasNone()
    {
        using var content = ContentFolder.Valid();

        Assert.Empty(ContentAssert.Loads(content.Load()).ChecklistsById["walk-out"].Starts);
    }

    [Fact]
    public void AStartNamingAnUnknownItemIsReportedAtThatItem()
    {
        using var content = ContentFolder.Valid().With(Checklist, ValidContent.WalkOutChecklist + Starts.Replace("[shouting,", "[yelling,", StringComparison.Ordinal));

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "items: [yelling"), "start 'conduct': unknown item 'yelling'");
    }

    [Fact]
    public void AStartWithoutALabelIsReported()
    {
        using var content = ContentFolder.Valid().With(Checklist, ValidContent.WalkOutChecklist + Starts.Replace("    label: The interviewer's behaviour\n", "", StringComparison.Ordinal));

        ContentAssert.HasError(content.Load(), ChecklistPath, content.LineOf(Checklist, "- id: conduct"), "missing required field 'label'");
    }
}
