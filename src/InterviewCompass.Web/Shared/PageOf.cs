using Microsoft.EntityFrameworkCore;

namespace InterviewCompass.Web.Shared;

/// <summary>One page of a newest-first list.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasNext => Page < PageCount;

    public bool HasPrevious => Page > 1;
}

/// <summary>Page numbers: from 1 to <see cref="InputLimits.Page"/>.</summary>
public static class PageOf
{
    public const string RangeMessage = "page must be a whole number from 1 to 100000.";

    /// <summary>Rows to skip for a page; a page outside the range is read as the nearest one, never as an overflow.</summary>
    public static int Skip(int page, int pageSize) => (Math.Clamp(page, 1, InputLimits.Page) - 1) * pageSize;

    public static int Bound(int page) => Math.Clamp(page, 1, InputLimits.Page);

    /// <summary>One page of an ordered query (sessions, drafts: the one way a history list is read).</summary>
    public static async Task<PageOf<T>> ReadAsync<T>(IQueryable<T> ordered, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Bound(page);
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip(Skip(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new PageOf<T>(items, page, pageSize, total);
    }
}
