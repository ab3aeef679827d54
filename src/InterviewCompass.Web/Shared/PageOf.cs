namespace InterviewCompass.Web.Shared;

/// <summary>One page of a newest-first list.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasNext => Page < PageCount;

    public bool HasPrevious => Page > 1;
}
