namespace InterviewCompass.Web.Features.Drafts;

/// <summary>Runs an action once the person has paused: each restart cancels the previous wait.</summary>
public sealed class PauseTimer(TimeProvider clock) : IDisposable
{
    private CancellationTokenSource? _pending;

    /// <summary>True while an action waits for the pause to end.</summary>
    public bool IsWaiting => _pending is { IsCancellationRequested: false };

    public void Restart(TimeSpan pause, Func<Task> action)
    {
        Cancel();
        var pending = _pending = new CancellationTokenSource();
        _ = RunAsync(pause, action, pending.Token);
    }

    public void Cancel()
    {
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = null;
    }

    public void Dispose() => Cancel();

    private async Task RunAsync(TimeSpan pause, Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(pause, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (_pending?.Token == cancellationToken)
        {
            _pending.Dispose();
            _pending = null;
        }

        await action();
    }
}
