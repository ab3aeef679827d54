// Kestrel with nothing in front: every request to /bound/NAME gets the status line's headers and the body that
// benchmarks/load/run.sh saved from the app for target NAME (files NAME.headers and NAME.body in the folder given
// as the first argument). It is the measured upper bound for the app on the same bytes: the app can add no less
// than its middleware to this.
using Microsoft.Extensions.Primitives;

var folder = args.Length > 0 ? args[0] : throw new ArgumentException("usage: KestrelBound FOLDER (NAME.headers and NAME.body files)");
var responses = new Dictionary<string, SavedResponse>(StringComparer.Ordinal);
foreach (var headersFile in Directory.EnumerateFiles(folder, "*.headers"))
{
    var name = Path.GetFileNameWithoutExtension(headersFile);
    responses["/bound/" + name] = SavedResponse.Load(headersFile, Path.ChangeExtension(headersFile, ".body"));
}

var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
builder.WebHost.UseKestrelCore().UseSockets();
var app = builder.Build();
app.Urls.Add(Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://127.0.0.1:5000");
app.Run(context =>
{
    if (!responses.TryGetValue(context.Request.Path.Value ?? "", out var saved))
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    var headers = context.Response.Headers;
    foreach (var (name, value) in saved.Headers)
    {
        headers[name] = value;
    }

    context.Response.ContentLength = saved.Body.Length;
    return context.Response.Body.WriteAsync(saved.Body).AsTask();
});
await app.RunAsync();

internal sealed record SavedResponse(KeyValuePair<string, StringValues>[] Headers, byte[] Body)
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Set-Cookie", "Location",
    };

    public static SavedResponse Load(string headersFile, string bodyFile)
    {
        var headers = File.ReadAllLines(headersFile)
            .Skip(1)
            .Select(line => line.Split(": ", 2))
            .Where(parts => parts.Length == 2 && !Skipped.Contains(parts[0]))
            .Select(parts => KeyValuePair.Create(parts[0], new StringValues(parts[1])))
            .ToArray();
        return new SavedResponse(headers, File.ReadAllBytes(bodyFile));
    }
}
