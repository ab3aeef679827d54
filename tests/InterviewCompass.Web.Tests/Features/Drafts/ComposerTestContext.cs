using Bunit;
using InterviewCompass.Core.Content;
using InterviewCompass.Core.Messages;
using InterviewCompass.Core.Rules;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InterviewCompass.Web.Tests.Features.Drafts;

/// <summary>
/// A bUnit context with the composer page's real services over the repository's content, a fake clock
/// (autosave and lint wait for pauses), a history in memory, and the browser module answering saves.
/// </summary>
public abstract class ComposerTestContext : BunitContext
{
    private static readonly Lazy<ContentCatalog> RepositoryCatalog = new(() => new ContentLoader().LoadOrThrow(RepositoryPaths.Content));

    protected ComposerTestContext()
    {
        Services.AddSingleton(Catalog);
        Services.AddSingleton<MessageComposer>();
        Services.AddSingleton<DraftLinter>();
        Services.AddSingleton<VerdictEngine>();
        Services.AddSingleton<DraftPrefill>();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IOwnerHistory>(History);
        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
        Services.AddScoped<DraftsBrowser>();
        Services.AddTransient<ComposerState>();
        Services.AddTransient<DraftAutosave>();
        AddBunitPersistentComponentState();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        Module = JSInterop.SetupModule(DraftsBrowser.ModulePath);
        Module.Setup<VersionsResponse>("loadVersions", _ => true).SetResult(new VersionsResponse(200, []));
        Module.SetupVoid("showAddress", _ => true).SetVoidResult();
    }

    protected static ContentCatalog Catalog => RepositoryCatalog.Value;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 14, 2, 0, TimeSpan.Zero));

    protected InMemoryHistory History { get; } = new();

    protected BunitJSModuleInterop Module { get; }

    protected static ComposedMessage Compose(string kind, string tone, string? situation = null, Dictionary<string, string>? fields = null) =>
        new MessageComposer(Catalog).Compose(new ComposeRequest(kind, tone, situation, fields ?? [])).Message
        ?? throw new InvalidOperationException($"No template for {kind}/{tone}/{situation}.");

    protected IRenderedComponent<InterviewCompass.Web.Features.Drafts.DraftComposer> RenderComposer(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<InterviewCompass.Web.Features.Drafts.DraftComposer>();
    }

    /// <summary>Lets the pauses (lint, autosave) run out, as if the person stopped typing.</summary>
    protected void Pause(TimeSpan pause) => Clock.Advance(pause);

    protected sealed class InMemoryHistory : IOwnerHistory
    {
        public Dictionary<Guid, KeptDraft> Drafts { get; } = [];

        public Dictionary<Guid, KeptSession> Sessions { get; } = [];

        public Task<KeptDraft?> FindDraftAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Drafts.GetValueOrDefault(id));

        public Task<KeptSession?> FindSessionAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(Sessions.GetValueOrDefault(id));
    }
}
