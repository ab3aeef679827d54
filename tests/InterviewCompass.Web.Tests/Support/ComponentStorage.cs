using InterviewCompass.Web.Data;
using InterviewCompass.Web.Features.Applications;
using InterviewCompass.Web.Features.Checks;
using InterviewCompass.Web.Features.Drafts;
using InterviewCompass.Web.Features.Owners;
using InterviewCompass.Web.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>
/// The storage services a component injects, for bunit tests of pages that show no kept data: without an HTTP
/// request there is no owner, so nothing is looked up. Tests of kept data use the real app (<see cref="SqliteApp"/>).
/// </summary>
internal static class ComponentStorage
{
    public static IServiceCollection AddStorageWithoutOwner(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.AddSingleton<IDbContextFactory<AppDbContext>, NoDatabase>();
        services.AddScoped<CurrentOwner>();
        services.AddScoped<ChecklistSessions>();
        services.AddScoped<SavedDrafts>();
        services.AddScoped<SavedApplications>();
        services.AddScoped<Idempotency>();
        return services;
    }

    private sealed class NoDatabase : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() =>
            throw new InvalidOperationException("A component test without an owner opened the database.");
    }
}
