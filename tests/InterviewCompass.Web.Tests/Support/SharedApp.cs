namespace InterviewCompass.Web.Tests.Support;

/// <summary>One app on the test server shared by the tests of the <see cref="SharedAppGroup"/> (read-only use).</summary>
public sealed class SharedApp : AppFactory
{
}

[CollectionDefinition(Name)]
public sealed class SharedAppGroup : ICollectionFixture<SharedApp>
{
    public const string Name = "shared app";
}
