namespace InterviewCompass.Web.Hosting;

// Owner: storage lane. EF Core (SQLite default, Postgres), migrations at start, Data Protection keys
// in the database, owner cookie, sessions/drafts/export/owner API.
internal static class StorageHosting
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapOwnerDataApi(this WebApplication app) => app;
}
