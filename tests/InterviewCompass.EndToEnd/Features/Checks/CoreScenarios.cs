using System.Text.RegularExpressions;

namespace InterviewCompass.EndToEnd.Features.Checks;

/// <summary>
/// The answer sets of the Core tests' verdict scenarios (tests/InterviewCompass.Core.Tests/Rules/VerdictEngineTests.cs),
/// read from the test source so a scenario added there is held by the browser engine too. Two forms are read:
/// table rows <c>{ "item=answer,item=answer", "outcome", ... }</c> under <c>WalkOutScenarios()</c> (and the other
/// checklists' tables), and calls <c>Assess(Checklists.WalkOut(), ("item", "answer"), ...)</c>.
/// </summary>
internal static partial class CoreScenarios
{
    private static readonly Dictionary<string, string> ChecklistIds = new(StringComparer.Ordinal)
    {
        ["WalkOut"] = "walk-out",
        ["ExitInterview"] = "exit-interview",
        ["Withdrawal"] = "withdrawal",
    };

    public static IReadOnlyList<(string Checklist, Dictionary<string, string> Answers)> Read()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "InterviewCompass.Core.Tests", "Rules", "VerdictEngineTests.cs");
        var source = File.ReadAllText(path);
        var scenarios = new List<(string, Dictionary<string, string>)>();

        foreach (Match table in Table().Matches(source))
        {
            var checklist = ChecklistIds[table.Groups["name"].Value];
            foreach (Match row in Row().Matches(table.Groups["body"].Value))
            {
                var text = row.Groups["answers"].Value;
                var answers = text.Length == 0
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : text.Split(',').Select(a => a.Split('=')).ToDictionary(a => a[0].Trim(), a => a[1].Trim(), StringComparer.Ordinal);
                scenarios.Add((checklist, answers));
            }
        }

        foreach (Match call in Call().Matches(source))
        {
            var answers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match pair in Pair().Matches(call.Groups["pairs"].Value))
            {
                answers[pair.Groups["item"].Value] = pair.Groups["answer"].Value;
            }

            scenarios.Add((ChecklistIds[call.Groups["name"].Value], answers));
        }

        return scenarios;
    }

    [GeneratedRegex(@"(?<name>WalkOut|ExitInterview|Withdrawal)Scenarios\(\)\s*=>\s*new\(\)\s*\{(?<body>.*?)\n\s*\};", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"^\s*\{\s*""(?<answers>[^""]*)""\s*,", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"Checklists\.(?<name>WalkOut|ExitInterview|Withdrawal)\(\)(?<pairs>(?:\s*,\s*\(""[^""]+"",\s*""[^""]+""\))*)")]
    private static partial Regex Call();

    [GeneratedRegex(@"\(""(?<item>[^""]+)"",\s*""(?<answer>[^""]+)""\)")]
    private static partial Regex Pair();
}
