namespace InterviewCompass.Web.Features.Checks;

/// <summary><c>?focus=&lt;start id&gt;</c>: the check page asks only that "What happened?" start's items.</summary>
public static class FocusQuery
{
    public const string Parameter = "focus";
}
