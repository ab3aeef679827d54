namespace InterviewCompass.Web.Shared;

/// <summary>
/// Every limit on what a person or a client can send, in one place: the validation attributes on the request and form
/// records, the column sizes and the request size limits all read these.
/// </summary>
public static class InputLimits
{
    public const int Label = 120;
    public const int Field = 200;
    public const int Subject = 200;
    public const int Body = 5000;
    public const int FieldCount = 12;

    /// <summary>Answers in one request: the longest checklist has far fewer items.</summary>
    public const int Answers = 64;

    /// <summary>Ids (checklist, item, kind, tone, situation, field names) and answer values.</summary>
    public const int Id = 64;

    /// <summary>The most problems listed in one error answer; the rest are counted.</summary>
    public const int Problems = 20;

    /// <summary>A transfer code as typed ("ABCD-EFGH", with room for spaces).</summary>
    public const int TransferCode = 32;

    /// <summary>An <c>Idempotency-Key</c> header: a UUID or similar random string.</summary>
    public const int IdempotencyKey = 128;

    /// <summary>Lists are paged 20 at a time; no one keeps 2,000,000 items, and (page - 1) * 20 never overflows.</summary>
    public const int Page = 100_000;

    /// <summary>An API request body. The largest valid draft is under 50 KB even with every character escaped.</summary>
    public const long ApiBodyBytes = 64 * 1024;

    /// <summary>A page's form post (the largest, the check form, is a few KB).</summary>
    public const long FormBodyBytes = 256 * 1024;
}
