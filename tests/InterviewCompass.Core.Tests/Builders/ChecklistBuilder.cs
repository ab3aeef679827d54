using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.Builders;

/// <summary>Builds <see cref="Checklist"/> records in code, so rules tests do not depend on YAML.</summary>
internal sealed class ChecklistBuilder
{
    private readonly string _id;
    private readonly List<ChecklistItem> _items = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly List<ScoreThreshold> _thresholds = [];
    private readonly List<OutcomeRule> _rules = [];
    private string _moment = "interview-break";
    private string? _defaultOutcome;

    public ChecklistBuilder(string id) => _id = id;

    public ChecklistBuilder Moment(string moment)
    {
        _moment = moment;
        return this;
    }

    public ChecklistBuilder Outcome(string id, int rank, string? message = null, params string[] words)
    {
        _outcomes.Add(new Outcome(
            id,
            rank,
            $"Headline for {id}",
            $"Explanation for {id}.",
            words.Length == 0 ? [$"Words for {id}."] : words,
            new GuideLink("guide", null),
            message));
        return this;
    }

    public ChecklistBuilder Default(string outcome)
    {
        _defaultOutcome = outcome;
        return this;
    }

    public ChecklistBuilder Threshold(double atLeast, string outcome)
    {
        _thresholds.Add(new ScoreThreshold(atLeast, outcome));
        return this;
    }

    public ChecklistBuilder Rule(string outcome, IEnumerable<(string Item, string[] AnyOf)> all, IEnumerable<(string Item, string[] AnyOf)>? none = null)
    {
        _rules.Add(new OutcomeRule(
            outcome,
            [.. all.Select(c => new AnswerCondition(c.Item, c.AnyOf))],
            [.. (none ?? []).Select(c => new AnswerCondition(c.Item, c.AnyOf))]));
        return this;
    }

    public ChecklistBuilder Item(string id, Action<ItemBuilder>? configure = null)
    {
        var item = new ItemBuilder(id);
        configure?.Invoke(item);
        _items.Add(item.Build());
        return this;
    }

    public Checklist Build() => new(
        _id,
        $"Title of {_id}",
        _moment,
        $"Summary of {_id}.",
        [.. _items],
        [.. _outcomes],
        _defaultOutcome ?? _outcomes[0].Id,
        [.. _thresholds],
        [.. _rules],
        $"content/checklists/{_id}.yml");
}

internal sealed class ItemBuilder
{
    private readonly string _id;
    private readonly Dictionary<string, string> _effects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scripts = new(StringComparer.Ordinal);
    private Tier _tier = InterviewCompass.Core.Content.Tier.Signal;
    private bool _raiseFirst;
    private double _weight;
    private string? _situation;
    private string _guide;

    public ItemBuilder(string id)
    {
        _id = id;
        _guide = $"guide#{id}";
    }

    public ItemBuilder Tier(Tier tier)
    {
        _tier = tier;
        return this;
    }

    public ItemBuilder RaiseFirst()
    {
        _raiseFirst = true;
        return this;
    }

    public ItemBuilder Weight(double weight)
    {
        _weight = weight;
        return this;
    }

    public ItemBuilder Situation(string situation)
    {
        _situation = situation;
        return this;
    }

    public ItemBuilder Guide(string guide)
    {
        _guide = guide;
        return this;
    }

    public ItemBuilder Effect(string answer, string outcome)
    {
        _effects[answer] = outcome;
        return this;
    }

    public ItemBuilder Script(string outcome, string words)
    {
        _scripts[outcome] = words;
        return this;
    }

    public ChecklistItem Build() => new(
        _id,
        $"Prompt for {_id}?",
        $"Why {_id} matters.",
        _tier,
        _raiseFirst,
        GuideLink.Parse(_guide),
        _effects,
        _weight,
        _scripts,
        _situation);
}
