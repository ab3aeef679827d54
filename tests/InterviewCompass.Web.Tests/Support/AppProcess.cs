using System.Diagnostics;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>
/// The app as a process of its own (the built <c>InterviewCompass.Web.dll</c>), for what only a real process shows:
/// a stop that ends the process while its start is still under way. Its log lines can be waited for.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    // A guard against a hang only: each wait ends as soon as its condition holds.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _waits = [];
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    /// <summary>Every line the app has written so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts the app with these settings (<c>Section:Key</c>), content from the repository, Testing environment.</summary>
    public static AppProcess Start(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "src", "InterviewCompass.Web"),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InterviewCompass.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Content__Path"] = RepositoryPaths.Content;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, line) => app.Add(line.Data);
        process.ErrorDataReceived += (_, line) => app.Add(line.Data);
        process.Exited += (_, _) => app._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>True once a line containing <paramref name="text"/> appeared; false if the process ended first.</summary>
    public async Task<bool> WaitForLineAsync(string text)
    {
        TaskCompletionSource seen;
        lock (_lock)
        {
            if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }

            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((text, seen));
        }

        var first = await Task.WhenAny(seen.Task, _exited.Task).WaitAsync(Guard, TestContext.Current.CancellationToken);
        return first == seen.Task || Output.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The stop a service manager sends (SIGTERM): the app shuts down as it does on Ctrl+C.</summary>
    public async Task StopAsync()
    {
        if (!HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await WaitForExitAsync();
    }

    /// <summary>The end of a crash or a power cut (SIGKILL): nothing runs after it.</summary>
    public async Task KillAsync()
    {
        if (!HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own meanwhile.
            }

            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }

    private async Task WaitForExitAsync()
    {
        await _exited.Task.WaitAsync(Guard, TestContext.Current.CancellationToken);

        // The last lines arrive after the exit event; this waits for the redirected streams to close.
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _lines.Add(line);
            for (var i = _waits.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_waits[i].Text, StringComparison.Ordinal))
                {
                    _waits[i].Seen.TrySetResult();
                    _waits.RemoveAt(i);
                }
            }
        }
    }
}
