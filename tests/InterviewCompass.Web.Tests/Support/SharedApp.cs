namespace InterviewCompass.Web.Tests.Support;

/// <summary>
/// One app on the test server shared by the tests of the <see cref="SharedAppGroup"/> (read-only use), its database
/// ready before the first test (<see cref="AppFactory.ReadyAsync"/>).
/// </summary>
public sealed class SharedApp : AppFactory, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await ReadyAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedAppGroup : ICollectionFixture<SharedApp>
{
    public const string Name = "shared app";
}
