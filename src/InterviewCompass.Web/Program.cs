using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.Offline;
using InterviewCompass.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddContentCatalog();
builder.AddWebFrontEnd();
builder.AddStorage();
builder.AddDrafts();
builder.AddOffline();
builder.AddApplications();

var app = builder.Build();

app.UseWebFrontEnd();
app.MapContentApi();
app.MapOwnerDataApi();
app.MapOffline();
app.MapApplications();
app.MapWebFrontEnd();

await app.RunAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
