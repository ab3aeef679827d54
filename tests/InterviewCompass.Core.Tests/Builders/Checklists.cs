using InterviewCompass.Core.Content;

namespace InterviewCompass.Core.Tests.Builders;

/// <summary>
/// The three real checklists from <c>content/checklists/</c>: the rules tests and properties run on
/// what the product serves, never on a hand-written copy of it.
/// </summary>
internal static class Checklists
{
    public static Checklist WalkOut() => RepositoryMessages.Catalog.ChecklistsById["walk-out"];

    public static Checklist ExitInterview() => RepositoryMessages.Catalog.ChecklistsById["exit-interview"];

    public static Checklist Withdrawal() => RepositoryMessages.Catalog.ChecklistsById["withdrawal"];

    public static IReadOnlyList<Checklist> All => RepositoryMessages.Catalog.Checklists;
}
