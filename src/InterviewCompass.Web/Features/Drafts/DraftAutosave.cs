namespace InterviewCompass.Web.Features.Drafts;

/// <summary>
/// Saves the draft about a second after the person stops typing, one save at a time, and says how it
/// went. A save that fails leaves the text on screen untouched and is tried again on the next change.
/// </summary>
public sealed class DraftAutosave(DraftsBrowser browser, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public const string FailedStatus = "Couldn't save — your text is still here; retrying when you type again.";

    private readonly PauseTimer _pause = new(clock);
    private Func<DraftPayload>? _read;
    private bool _saving;
    private bool _again;

    public Guid? DraftId { get; private set; }

    /// <summary>"Saved 14:02", the failure message, or empty before anything was saved.</summary>
    public string Status { get; private set; } = "";

    public bool Failed { get; private set; }

    /// <summary>Earlier versions of the draft, newest first.</summary>
    public IReadOnlyList<KeptVersion> Versions { get; private set; } = [];

    /// <summary>Called after each save attempt (on the page's dispatcher), so the page can show the status.</summary>
    public Func<Task>? Changed { get; set; }

    /// <summary>Called once, after the first save created the draft.</summary>
    public Func<Guid, Task>? Created { get; set; }

    /// <summary>Continues a kept draft: later saves update it.</summary>
    public async Task ContinueAsync(Guid draftId)
    {
        DraftId = draftId;
        Status = "Kept in your history.";
        await RefreshVersionsAsync();
    }

    /// <summary>Saves after <see cref="Pause"/> without another change; <paramref name="read"/> gives the draft at that moment.</summary>
    public void Schedule(Func<DraftPayload> read)
    {
        _read = read;
        _pause.Restart(Pause, SaveAsync);
    }

    /// <summary>Saves now (e.g. after restoring a version).</summary>
    public Task SaveNowAsync(Func<DraftPayload> read)
    {
        _read = read;
        _pause.Cancel();
        return SaveAsync();
    }

    /// <summary>Saves a change still waiting for its pause (the page is closing), if any.</summary>
    public Task FlushAsync()
    {
        if (!_pause.IsWaiting)
        {
            return Task.CompletedTask;
        }

        _pause.Cancel();
        return SaveAsync();
    }

    public void Dispose() => _pause.Dispose();

    private async Task SaveAsync()
    {
        if (_read is null)
        {
            return;
        }

        if (_saving)
        {
            _again = true;
            return;
        }

        _saving = true;
        try
        {
            do
            {
                _again = false;
                await SaveOnceAsync(_read());
            }
            while (_again && !Failed);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SaveOnceAsync(DraftPayload draft)
    {
        var wasNew = DraftId is null;
        var response = await browser.SaveAsync(DraftId, draft);
        if (response.Status == 404 && !wasNew)
        {
            // Deleted from the history meanwhile (e.g. on another tab): keep the text as a new draft.
            response = await browser.SaveAsync(null, draft);
            wasNew = true;
        }

        if (response.Saved)
        {
            DraftId = response.Id;
            Failed = false;
            Status = $"Saved {response.SavedAt}".TrimEnd();
            if (wasNew && Created is not null)
            {
                await Created(response.Id!.Value);
            }

            await RefreshVersionsAsync();
        }
        else
        {
            Failed = true;
            Status = response.Status == 400 && !string.IsNullOrWhiteSpace(response.Problem)
                ? $"Couldn't save — {response.Problem} Your text is still here; retrying when you type again."
                : FailedStatus;
        }

        if (Changed is not null)
        {
            await Changed();
        }
    }

    private async Task RefreshVersionsAsync()
    {
        if (DraftId is { } id)
        {
            var versions = await browser.VersionsAsync(id);
            if (versions.Status == 200)
            {
                Versions = versions.Versions;
            }
        }
    }
}
