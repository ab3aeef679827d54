using System.Diagnostics;
using System.Text.Json;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Rules;
using InterviewCompass.EndToEnd.Support;
using Microsoft.Playwright;

namespace InterviewCompass.EndToEnd.Features.Checks;

/// <summary>
/// Issue 12: the verdict a check gives offline (js/verdict-engine.js in Chromium, reading GET /api/v1/checklists/{id})
/// is the verdict the server gives (VerdictEngine): the same outcome, headline, explanation, confidence, reasons (with
/// their notes), words blocks and other option (with its words), or the same answer errors, for every Core scenario and for thousands of random answer sets per checklist.
/// </summary>
public sealed class VerdictConformanceTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const int RandomSetsPerChecklist = 10_000;
    private const int Batch = 1_000;

    /// <summary>Loads the browser engine and every checklist's data, as the check page does offline.</summary>
    private const string LoadEngine = """
        async (ids) => {
            const { assess } = await import("/js/verdict-engine.js");
            const data = {};
            for (const id of ids) {
                const response = await fetch(`/api/v1/checklists/${id}`);
                data[id] = await response.json();
            }
            window.conformance = { assess, data };
        }
        """;

    /// <summary>Each set's verdict in the same array form the test builds from the C# verdict; returns the sets that differ.</summary>
    private const string CompareBatch = """
        ({ id, sets }) => {
            const { assess, data } = window.conformance;
            const blocks = (words) => words.map((b) => [b.for, b.lines]);
            const canonical = ({ verdict, errors }) => verdict
                ? [verdict.outcome, verdict.headline, verdict.explanation, verdict.confidence,
                   verdict.reasons.map((r) => [r.item, r.text, r.answer, r.tier, r.guide, r.why, r.note]), blocks(verdict.words),
                   verdict.otherOption
                       ? [verdict.otherOption.outcome, verdict.otherOption.headline, verdict.otherOption.line, blocks(verdict.otherOption.words)]
                       : null]
                : ["errors", errors.map((e) => [e.item, e.problem])];
            const differences = [];
            for (const set of sets) {
                const actual = JSON.stringify(canonical(assess(data[id], set.answers)));
                const expected = JSON.stringify(set.expected);
                if (actual !== expected && differences.length < 5) {
                    differences.push({ answers: JSON.stringify(set.answers), expected, actual });
                }
            }
            return differences;
        }
        """;

    private static readonly VerdictEngine Engine = new();

    [Fact]
    public async Task EveryCoreScenarioGivesTheSameVerdictInTheBrowser()
    {
        var scenarios = CoreScenarios.Read();
        Assert.True(scenarios.Count >= 10, $"only {scenarios.Count} scenarios were read from the Core tests");
        var page = await LoadAsync();

        foreach (var group in scenarios.GroupBy(s => s.Checklist))
        {
            await AssertSameAsync(page, group.Key, [.. group.Select(s => s.Answers)]);
        }

        Output.WriteLine($"{scenarios.Count} Core scenarios: the same verdict in the browser");
    }

    [Theory]
    [InlineData("walk-out")]
    [InlineData("exit-interview")]
    [InlineData("withdrawal")]
    public async Task RandomAnswerSetsGiveTheSameVerdictInTheBrowser(string checklistId)
    {
        var seed = Environment.TickCount;
        Output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var checklist = RealContent.Checklist(checklistId);
        var sets = Enumerable.Range(0, RandomSetsPerChecklist).Select(_ => RandomAnswers(random, checklist)).ToList();
        var page = await LoadAsync();

        var clock = Stopwatch.StartNew();
        await AssertSameAsync(page, checklistId, sets);
        Output.WriteLine($"{checklistId}: {sets.Count} random answer sets, the same verdict in the browser ({clock.ElapsedMilliseconds} ms)");
    }

    private async Task<IPage> LoadAsync()
    {
        var page = await OpenAsync(Viewport.Desktop, "/");
        await page.EvaluateAsync(LoadEngine, RealContent.Catalog.Checklists.Select(c => c.Id).ToArray());
        return page;
    }

    private static async Task AssertSameAsync(IPage page, string checklistId, List<Dictionary<string, string>> sets)
    {
        var checklist = RealContent.Checklist(checklistId);
        for (var start = 0; start < sets.Count; start += Batch)
        {
            var batch = sets.Skip(start).Take(Batch)
                .Select(answers => new { answers, expected = Canonical(Engine.Assess(checklist, answers)) })
                .ToArray();
            var differences = await page.EvaluateAsync<JsonElement>(CompareBatch, new { id = checklistId, sets = batch });
            Assert.True(
                differences.GetArrayLength() == 0,
                $"{checklistId}: the browser engine differs from VerdictEngine:{Environment.NewLine}{differences}");
        }
    }

    /// <summary>The C# verdict in the array form the browser builds: outcome, headline, explanation, confidence, reasons, words, other option.</summary>
    private static object[] Canonical(Assessment assessment) => assessment.Verdict is { } v
        ? [v.Outcome, v.Headline, v.Explanation, v.Confidence,
           v.Reasons.Select(r => new object[] { r.Item, r.Text, r.Answer, r.Tier.ToString().ToLowerInvariant(), r.Guide.Href, r.Why, r.Note }).ToArray(),
           Blocks(v.Words),
           v.OtherOption is { } o ? new object[] { o.Outcome, o.Headline, o.Line, Blocks(o.Words) } : null!]
        : ["errors", assessment.Errors.Select(e => new object[] { e.Item, e.Problem }).ToArray()];

    private static object[] Blocks(IReadOnlyList<WordsBlock> words) => [.. words.Select(b => new object[] { b.For, b.Lines.ToArray() })];

    /// <summary>Each item unanswered or given any answer it takes; now and then an unknown item or an answer it does not take.</summary>
    private static Dictionary<string, string> RandomAnswers(Random random, Checklist checklist)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in checklist.Items)
        {
            var choice = random.Next(item.AllowedAnswers.Count + 1);
            if (choice < item.AllowedAnswers.Count)
            {
                answers[item.Id] = item.AllowedAnswers[choice];
            }
        }

        switch (random.Next(100))
        {
            case 0:
                answers["not-an-item"] = "yes";
                break;
            case 1 when checklist.Items.Count > 0:
                answers[checklist.Items[random.Next(checklist.Items.Count)].Id] = random.Next(2) == 0 ? "maybe" : "raised-unresolved";
                break;
        }

        return answers;
    }
}
