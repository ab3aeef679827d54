using InterviewCompass.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>
/// The real app on the in-memory test server, with the repository's content and a fresh SQLite file
/// in its own temp folder (deleted on dispose). Pass settings to override configuration.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public AppFactory(IDictionary<string, string?>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ic-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content:Path"] = RepositoryPaths.Content,
            ["Storage:Provider"] = "Sqlite",
            ["Storage:DataPath"] = DataPath,
        };
        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                _settings[key] = value;
            }
        }
    }

    /// <summary>The folder holding this factory's SQLite file.</summary>
    public string DataPath { get; }

    /// <summary>
    /// Starts the app and waits until its database is prepared (migrations, key ring), which happens in the background
    /// while the server already answers: what <c>/healthz</c> calls ready. For tests that look at the database from
    /// outside the app or ask whether it is ready; the app's own database calls wait by themselves.
    /// </summary>
    public async Task ReadyAsync()
    {
        _ = Server;

        // A guard against a hang only: the wait ends as soon as the preparation does.
        await Services.GetRequiredService<DatabasePreparation>().Done.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finalising connection: the OS temp cleaner removes it later.
            }
        }
    }
}
