using BenchmarkDotNet.Attributes;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Rules;

namespace InterviewCompass.Benchmarks;

/// <summary>The per-request work of the check and the composer: assess, compose, lint.</summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private readonly VerdictEngine _engine = new();
    private ContentCatalog _catalog = null!;
    private MessageComposer _composer = null!;
    private DraftLinter _linter = null!;
    private string _note = "";

    private static readonly Dictionary<string, string> WalkOutAnswers = new()
    {
        ["salary-below-posted"] = Answers.RaisedUnresolved,
        ["safety-or-access-unmet"] = Answers.No,
        ["not-a-real-job"] = Answers.Unsure,
        ["culture-mismatch"] = Answers.No,
        ["aggressive-behaviour"] = Answers.No,
        ["demeaning-questions"] = Answers.Yes,
        ["unexplained-lateness"] = Answers.Yes,
        ["negative-assumptions"] = Answers.No,
        ["family-or-marital-questions"] = Answers.No,
        ["cross-examination"] = Answers.Unsure,
    };

    private static readonly Dictionary<string, string> ExitAnswers = new()
    {
        ["might-return"] = Answers.No,
        ["certain-never-return"] = Answers.Yes,
        ["want-to-say-your-piece"] = Answers.Yes,
    };

    private static readonly Dictionary<string, string> WithdrawalAnswers = new()
    {
        ["still-interested"] = Answers.No,
        ["offer-would-decide"] = Answers.No,
        ["has-recruiter"] = Answers.Yes,
    };

    private static readonly ComposeRequest NoteRequest = new(
        "withdrawal-note",
        Tones.Warm,
        null,
        new Dictionary<string, string>
        {
            ["name"] = "Ms Rivera",
            ["contact"] = "Alex Morgan",
            ["company"] = "Northwind Legal",
            ["role"] = "Litigation assistant",
            ["reason"] = "",
        });

    [GlobalSetup]
    public void Setup()
    {
        _catalog = RepositoryContent.Load();
        _composer = new MessageComposer(_catalog);
        _linter = new DraftLinter(_catalog);
        _note = _composer.Compose(NoteRequest).Message!.Body;
    }

    [Benchmark]
    public Assessment AssessWalkOut() => _engine.Assess(_catalog.ChecklistsById["walk-out"], WalkOutAnswers);

    [Benchmark]
    public Assessment AssessExitInterview() => _engine.Assess(_catalog.ChecklistsById["exit-interview"], ExitAnswers);

    [Benchmark]
    public Assessment AssessWithdrawal() => _engine.Assess(_catalog.ChecklistsById["withdrawal"], WithdrawalAnswers);

    [Benchmark]
    public ComposeResult ComposeNote() => _composer.Compose(NoteRequest);

    [Benchmark]
    public LintResult LintNote() => _linter.Lint("withdrawal-note", _note);

    /// <summary>The linter's speed goal: a 150-word note in under 25 µs.</summary>
    [Benchmark]
    public LintResult Lint150WordNote() => _linter.Lint("withdrawal-note", Note150Words);

    private const string Note150Words = """
        Dear Ms Rivera,

        Thank you for meeting with me on Tuesday and for the time you and your colleagues spent explaining the litigation assistant role at Northwind Legal.
        After giving it careful thought over the weekend, I have decided to withdraw my application for the position.
        Having learned more about the day-to-day work, I don't think it is the right fit for me at this stage of my career.
        I was grateful for the chance to see the office and to hear about the cases the team is working on, and I enjoyed our conversation about the firm's plans for the coming year.
        I would be glad to stay in touch, and I hope our paths cross again in the future.

        Thank you again for your kindness and your time, and I wish you the very best of luck in finding the right person for the team.

        Kind regards,
        Alex Morgan
        """;
}
