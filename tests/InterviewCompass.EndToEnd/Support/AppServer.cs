namespace InterviewCompass.EndToEnd.Support;

/// <summary>
/// One running app per test class (use as <c>IClassFixture&lt;AppServer&gt;</c>): a real Kestrel on
/// 127.0.0.1 with a fresh data folder, deleted at the end. <see cref="RestartAsync"/> stops it and starts
/// a new server on the same data folder and port, as a deploy or crash would.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private KestrelAppFactory? _factory;

    public AppServer()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ic-e2e", Guid.NewGuid().ToString("N"));
    }

    /// <summary>The folder holding this server's SQLite file; survives restarts.</summary>
    public string DataPath { get; }

    /// <summary>Where the server listens, ending in '/': e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>An absolute URL on this server for an in-site path such as <c>/guides</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataPath);
        Start(port: 0);
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the server (waiting for requests to finish) and starts a new one on the same data and port.</summary>
    public async Task RestartAsync()
    {
        var port = BaseAddress.Port;
        await StopAsync();
        Start(port);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finalising connection: the OS temp cleaner removes it later.
        }
    }

    private void Start(int port)
    {
        var factory = new KestrelAppFactory(DataPath, port);
        try
        {
            BaseAddress = factory.Start();
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        _factory = factory;
    }

    /// <summary>Starts the server again on the same data and port after <see cref="StopAsync"/>.</summary>
    public void StartAgain() => Start(BaseAddress.Port);

    /// <summary>Stops the server: the origin stops answering, as with no signal at all.</summary>
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
