using System.Text.Json;
using InterviewCompass.Core.Messages;
using InterviewCompass.EndToEnd.Support;

namespace InterviewCompass.EndToEnd.Features.Offline;

/// <summary>
/// The composer with no connection fills templates in the browser (js/message-composer.js, from GET /api/v1/messages):
/// every template of every kind, with random field values (spaces, punctuation, control characters, fragments,
/// missing and unknown fields), gives the same subject and text as Core's <see cref="MessageComposer"/>.
/// </summary>
public sealed class MessageComposerConformanceTests(BrowserFixture browser, AppServer server, ITestOutputHelper output)
    : BrowserTest(browser, server, output), IClassFixture<AppServer>
{
    private const int RandomSetsPerTemplate = 200;

    private static readonly string[] Values =
    [
        "", "   ", "Dana", "  Dana \t Reyes ", "acme , ltd", "Acme Ltd.", "the timing no longer works for me", "The timing changed!",
        "my plans changed", "x\u0007y", "step-free access", "a hearing loop.", "\u00e9mile", "\u00df-strasse", "a\nb\r\nc", "O'Brien",
        "?", "{name}", "data analyst ;", "  , leading comma", "\ud83d\ude00 smile", "end with space ",
    ];

    private const string Compare = """
        async (cases) => {
            const { compose } = await import("/js/message-composer.js");
            const catalog = await (await fetch("/api/v1/messages")).json();
            const differences = [];
            for (const c of cases) {
                const message = compose(catalog, c.request);
                const actual = message.error ? ["error"] : [message.subject, message.body];
                if (JSON.stringify(actual) !== JSON.stringify(c.expected) && differences.length < 5) {
                    differences.push({ request: c.request, expected: c.expected, actual });
                }
            }
            return differences;
        }
        """;

    [Fact]
    public async Task EveryTemplateWithRandomFieldsIsFilledInTheBrowserAsCoreFillsIt()
    {
        var seed = Environment.TickCount;
        Output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var composer = new MessageComposer(RealContent.Catalog);
        var fieldIds = RealContent.Catalog.MessageFields.Select(f => f.Id).Append("unknown").ToArray();
        var cases = new List<object>();
        foreach (var kind in RealContent.Catalog.MessageKinds)
        {
            foreach (var template in kind.Templates)
            {
                for (var i = 0; i < RandomSetsPerTemplate; i++)
                {
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var id in fieldIds)
                    {
                        if (random.Next(4) > 0)
                        {
                            fields[random.Next(20) == 0 ? id.ToUpperInvariant() : id] = Values[random.Next(Values.Length)];
                        }
                    }

                    var request = new ComposeRequest(kind.Id, template.Tone, template.Situation, fields);
                    var result = composer.Compose(request);
                    object[] expected = result.Message is { } m ? [m.Subject, m.Body] : ["error"];
                    cases.Add(new { request = new { kind = kind.Id, tone = template.Tone, situation = template.Situation, fields }, expected });
                }
            }

            // An unknown tone and, for a kind with situations, an unknown one: both refused.
            cases.Add(new { request = new { kind = kind.Id, tone = "grumpy", situation = (string?)null, fields = new Dictionary<string, string>() }, expected = new[] { "error" } });
            if (kind.Situations.Count > 0)
            {
                cases.Add(new { request = new { kind = kind.Id, tone = kind.Templates[0].Tone, situation = "nowhere", fields = new Dictionary<string, string>() }, expected = new[] { "error" } });
            }
        }

        var page = await OpenAsync(Viewport.Desktop, "/");
        var differences = await page.EvaluateAsync<JsonElement>(Compare, cases);

        Output.WriteLine($"{cases.Count} requests over {RealContent.Catalog.MessageKinds.Sum(k => k.Templates.Count)} templates");
        Assert.True(differences.GetArrayLength() == 0, $"js/message-composer.js differs from MessageComposer:{Environment.NewLine}{differences}");
    }
}
