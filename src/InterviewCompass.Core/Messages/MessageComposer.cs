using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Messages;

/// <summary>Fills a kind's template for a tone (and situation) with the person's fields.</summary>
public sealed class MessageComposer
{
    private readonly ContentCatalog _catalog;

    public MessageComposer(ContentCatalog catalog) => _catalog = catalog;

    public ComposeResult Compose(ComposeRequest request) => throw new NotImplementedException("TODO(core-rules)" + _catalog.MessageKinds.Count);
}

/// <param name="Fields">name, contact, company, role, reason (optional) ...</param>
public sealed record ComposeRequest(string Kind, string Tone, string? Situation, IReadOnlyDictionary<string, string> Fields);

public sealed record ComposedMessage(string Subject, string Body);

/// <summary>Either a message or a problem naming the unknown kind, tone or situation.</summary>
public sealed record ComposeResult(ComposedMessage? Message, string? Error);
