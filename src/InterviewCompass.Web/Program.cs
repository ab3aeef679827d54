using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.Guides;
using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Features.Offline;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Features.Reminders;
using InterviewCompass.Web.Hosting;

// The slim builder leaves out what this app never uses and the full one loads at every start: HTTP/3 (QUIC), IIS
// integration, hosting startup assemblies, regex route constraints. Added back: HTTPS endpoints from configuration
// (the "https" launch profile, a host without a proxy) and, in Development, the static web assets of the project and
// its packages. Cold start: docs/PERFORMANCE.md.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
if (builder.Environment.IsDevelopment())
{
    builder.WebHost.UseStaticWebAssets();
}

// Cross-cutting: content, the front end's pipeline, storage (after the owners: see StorageHosting).
builder.AddContentCatalog();
builder.AddWebFrontEnd();
builder.AddOwners();
builder.AddStorage();

// The features.
builder.AddChecks();
builder.AddDrafts();
builder.AddHistory();
builder.AddOffline();
builder.AddApplications();
builder.AddReminders();

var app = builder.Build();

app.UseWebFrontEnd();
app.UseStorage();

app.MapGuides();
app.MapChecks();
app.MapDrafts();
app.MapHistory();
app.MapOwners();
app.MapOffline();
app.MapApplications();
app.MapReminders();

app.MapWebFrontEnd();

await app.RunAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
