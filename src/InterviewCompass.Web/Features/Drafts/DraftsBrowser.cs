using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// The composer's calls into the browser (<c>wwwroot/js/drafts.js</c>): clipboard, download, and the drafts
/// API through <c>fetch</c>, so that the owner cookie is the browser's own and is issued on the first save.
/// A lost connection is an answer (status 0), never an exception.
/// </summary>
public sealed class DraftsBrowser(IJSRuntime js) : IAsyncDisposable
{
    public const string ModulePath = "./js/drafts.js";

    private Task<IJSObjectReference>? _module;

    public async Task<CopyOutcome> CopyAsync(string text, ElementReference fallback)
    {
        var outcome = await CallAsync<string>("copyText", text, fallback) ?? "failed";
        return outcome switch
        {
            "copied" => CopyOutcome.Copied,
            "selected" => CopyOutcome.Selected,
            _ => CopyOutcome.Failed,
        };
    }

    public Task<bool> DownloadAsync(string fileName, string text) => CallVoidAsync("downloadText", fileName, text);

    public async Task<SaveResponse> SaveAsync(Guid? id, DraftPayload draft) =>
        await CallAsync<SaveResponse>("saveDraft", id?.ToString("D"), draft) ?? new SaveResponse(0, null, null, null);

    public async Task<LoadResponse> LoadAsync(Guid id) =>
        await CallAsync<LoadResponse>("loadDraft", id.ToString("D")) ?? new LoadResponse(0, null);

    public async Task<VersionsResponse> VersionsAsync(Guid id) =>
        await CallAsync<VersionsResponse>("loadVersions", id.ToString("D")) ?? new VersionsResponse(0, []);

    public Task<bool> ShowAddressAsync(string path) => CallVoidAsync("showAddress", path);

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await _module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    private Task<IJSObjectReference> ModuleAsync()
    {
        if (_module is null || _module.IsFaulted || _module.IsCanceled)
        {
            _module = js.InvokeAsync<IJSObjectReference>("import", ModulePath).AsTask();
        }

        return _module;
    }

    private async Task<T?> CallAsync<T>(string function, params object?[] args)
    {
        try
        {
            var module = await ModuleAsync();
            return await module.InvokeAsync<T>(function, args);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            return default;
        }
    }

    private async Task<bool> CallVoidAsync(string function, params object?[] args)
    {
        try
        {
            var module = await ModuleAsync();
            await module.InvokeVoidAsync(function, args);
            return true;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            return false;
        }
    }
}

public enum CopyOutcome
{
    Copied,
    Selected,
    Failed,
}

/// <summary>The body of <c>POST</c>/<c>PUT /api/v1/drafts</c>.</summary>
public sealed record DraftPayload(
    string Kind,
    string Tone,
    string? Situation,
    IReadOnlyDictionary<string, string> Fields,
    string Subject,
    string Body,
    Guid? Session);

/// <param name="Status">The HTTP status, or 0 when the request did not get through.</param>
/// <param name="SavedAt">The time of the save in the person's own time zone, e.g. "14:02".</param>
public sealed record SaveResponse(int Status, Guid? Id, string? SavedAt, string? Problem)
{
    public bool Saved => Status is >= 200 and < 300 && Id is not null;
}

public sealed record LoadResponse(int Status, KeptDraftModel? Draft);

public sealed record KeptDraftModel(
    Guid Id,
    string Kind,
    string Tone,
    string? Situation,
    Dictionary<string, string>? Fields,
    string? Subject,
    string? Body,
    Guid? Session);

public sealed record VersionsResponse(int Status, IReadOnlyList<KeptVersion> Versions);

/// <summary>An earlier text of the draft, as the drafts API lists it.</summary>
public sealed record KeptVersion(
    int Number,
    string Kind,
    string Tone,
    string? Situation,
    Dictionary<string, string>? Fields,
    string? Subject,
    string? Body,
    string? SavedLocal)
{
    public DraftSnapshot ToSnapshot() => new(Kind, Tone, Situation, Fields ?? [], Subject ?? "", Body ?? "");
}
