using InterviewCompass.Web.Features.History;
using InterviewCompass.Web.Tests.Support;

namespace InterviewCompass.Web.Tests.Features.History;

/// <summary>Issue 19: every table that keeps an owner's rows is deleted by "delete everything" and moved by a transfer.</summary>
public sealed class OwnerTablesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void EveryTableWithAnOwnerIsInTheOneList()
    {
        using var db = app.OpenUnfiltered();
        var owned = db.Model.GetEntityTypes().Where(t => t.FindProperty("OwnerId") is not null).Select(t => t.ClrType.Name);

        Assert.All(owned, name => Assert.Contains(name, OwnerTables.All.Select(t => t.Name)));
    }
}
