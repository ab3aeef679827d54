using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.Builders;

/// <summary>A small catalog of message kinds built in code, for composer behaviour that must not depend on real templates.</summary>
internal sealed class MessageCatalogBuilder
{
    private readonly List<MessageKind> _kinds = [];
    private readonly List<LintRule> _rules = [];

    public MessageCatalogBuilder Kind(string id, IReadOnlyList<string>? situations = null, int maxWords = 100, params MessageTemplate[] templates)
    {
        _kinds.Add(new MessageKind(id, $"Title {id}", $"About {id}.", new GuideLink("withdrawing", null), situations ?? [], maxWords, templates, $"content/messages/{id}.yml"));
        return this;
    }

    public MessageCatalogBuilder Rule(string id, IReadOnlyList<string>? words = null, int? limit = null, IReadOnlyList<string>? kinds = null, string severity = "warning")
    {
        _rules.Add(new LintRule(id, severity, $"Message of {id}.", $"Fix for {id}.", new GuideLink("withdrawing", id), kinds ?? [], words ?? [], limit));
        return this;
    }

    public ContentCatalog Build() => new([], [], _kinds, _rules);
}
