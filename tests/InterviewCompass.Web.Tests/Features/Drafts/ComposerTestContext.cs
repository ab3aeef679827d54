using Bunit;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>
/// A bUnit context with the composer page's real services over the repository's content, as its first (static) render
/// sees them for a browser that has kept nothing. Posts and kept drafts are tested over HTTP (<see cref="DraftFormTests"/>).
/// </summary>
public abstract class ComposerTestContext : BunitContext
{
    protected ComposerTestContext()
    {
        Services.AddRealContent().AddStorageWithoutOwner();
        Services.AddSingleton<DraftPrefill>();
        Services.AddTransient<ComposerState>();
    }

    protected static ContentCatalog Catalog => RealContent.Catalog;

    protected static ComposedMessage Compose(string kind, string tone, string? situation = null, Dictionary<string, string>? fields = null) =>
        new MessageComposer(Catalog).Compose(new ComposeRequest(kind, tone, situation, fields ?? [])).Message
        ?? throw new InvalidOperationException($"No template for {kind}/{tone}/{situation}.");

    protected IRenderedComponent<DraftComposer> RenderComposer(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<DraftComposer>();
    }

    protected static string Body(IRenderedComponent<DraftComposer> page) => page.Find("#draft-body").GetAttribute("value") ?? "";

    protected static string? SelectedValue(IRenderedComponent<DraftComposer> page, string selector) =>
        page.Find($"{selector} option[selected]").GetAttribute("value");
}
