namespace InterviewCompass.Testing;

/// <summary>Finds the repository root (the folder holding InterviewCompass.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewCompass.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InterviewCompass.sln not found above " + AppContext.BaseDirectory);
    }
}
