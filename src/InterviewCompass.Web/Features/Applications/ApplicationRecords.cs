using System.ComponentModel.DataAnnotations;
using InterviewCompass.Web.Shared;

namespace InterviewCompass.Web.Features.Applications;

/// <summary>The two kinds of application and the person's own outcomes for each; the first outcome of a kind is its default.</summary>
public static class ApplicationOutcomes
{
    public const string ApplicationKind = "application";
    public const string LeavingKind = "leaving";

    public const string InProgress = "in-progress";
    public const string Withdrew = "withdrew";
    public const string AcceptedOffer = "accepted-offer";
    public const string WalkedOut = "walked-out";
    public const string Leaving = "leaving";
    public const string ExitInterviewDeclined = "exit-interview-declined";

    public static readonly IReadOnlyList<string> Kinds = [ApplicationKind, LeavingKind];

    public static readonly IReadOnlyList<string> ForApplication =
        [InProgress, WalkedOut, Withdrew, "declined-offer", AcceptedOffer, "no-reply", "not-selected"];

    public static readonly IReadOnlyList<string> ForLeaving = [Leaving, ExitInterviewDeclined, "exit-interview-done", "left"];

    public static readonly IReadOnlyList<string> All = [.. ForApplication, .. ForLeaving];

    public static IReadOnlyList<string> Of(string kind) => kind == LeavingKind ? ForLeaving : ForApplication;

    public static string DefaultOf(string kind) => Of(kind)[0];

    /// <summary>Still open: the process goes on (in progress) or the person has not left yet.</summary>
    public static bool IsOpen(string outcome) => outcome is InProgress or Leaving;

    public static string Words(string outcome) => outcome switch
    {
        InProgress => "In progress",
        WalkedOut => "Walked out",
        Withdrew => "Withdrew",
        "declined-offer" => "Declined the offer",
        AcceptedOffer => "Accepted the offer",
        "no-reply" => "No reply",
        "not-selected" => "Not selected",
        Leaving => "Leaving",
        ExitInterviewDeclined => "Exit interview declined",
        "exit-interview-done" => "Exit interview done",
        "left" => "Left",
        _ => outcome,
    };

    public static string KindWords(string kind) => kind == LeavingKind ? "A job I am leaving" : "A hiring process";
}

/// <summary>Who to write to at the employer.</summary>
public sealed record ContactInput(
    [property: MaxLength(InputLimits.Field, ErrorMessage = "contact.name is at most 200 characters long.")]
    [property: NoControlCharacters]
    string? Name = null,
    [property: MaxLength(InputLimits.Field, ErrorMessage = "contact.email is at most 200 characters long.")]
    [property: EmailAddress(ErrorMessage = "contact.email is not an email address.")]
    string? Email = null);

/// <summary>What a person sends to keep or change an application (<c>POST</c>/<c>PUT /api/v1/applications</c>, the pages).</summary>
/// <param name="Kind">application (a hiring process, the default) or leaving (a job being left).</param>
/// <param name="Outcome">The person's own outcome; the kind's first outcome when left out on a create.</param>
/// <param name="Version">Required on <c>PUT</c>: the version read. A change made from an older version is a 409.</param>
/// <param name="Note">On <c>PUT</c>: a dated note added to the timeline.</param>
/// <param name="Id">On <c>POST</c>: an id the client chose (so writes made offline can refer to it before it is sent);
/// sent again, the application is kept once. Another owner's id is a 409.</param>
/// <param name="Session">On <c>POST</c>: a check of the owner's to link to the new application (404 when unknown).</param>
/// <param name="DecideBy">When the person must decide, an ISO 8601 date ("2026-12-04"); on <c>PUT</c> left out keeps it, "" clears it.</param>
/// <param name="ExpectReplyBy">When the employer said they would reply, an ISO 8601 date; on <c>PUT</c> left out keeps it, "" clears it.</param>
public sealed record ApplicationInput(
    [property: Required(ErrorMessage = "company is required.")]
    [property: MaxLength(InputLimits.Field, ErrorMessage = "company is at most 200 characters long.")]
    [property: NoControlCharacters]
    string? Company,
    [property: MaxLength(InputLimits.Field, ErrorMessage = "role is at most 200 characters long.")]
    [property: NoControlCharacters]
    string? Role = null,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "kind is at most 64 characters long.")]
    string? Kind = null,
    ContactInput? Contact = null,
    [property: MaxLength(InputLimits.Body, ErrorMessage = "notes is at most 5000 characters long.")]
    [property: NoControlCharacters]
    string? Notes = null,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "outcome is at most 64 characters long.")]
    string? Outcome = null,
    int? Version = null,
    [property: MaxLength(InputLimits.Body, ErrorMessage = "note is at most 5000 characters long.")]
    [property: NoControlCharacters]
    string? Note = null,
    Guid? Id = null,
    Guid? Session = null,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "decideBy is an ISO 8601 date such as 2026-12-04.")]
    string? DecideBy = null,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "expectReplyBy is an ISO 8601 date such as 2026-12-04.")]
    string? ExpectReplyBy = null);

/// <summary>What <c>POST /api/v1/applications/{id}/links</c> links: one of the owner's checks or drafts.</summary>
public sealed record ApplicationLinkInput(Guid? Session = null, Guid? Draft = null);

/// <param name="Tone">warm, formal or brief; by default the tone of the person's latest draft.</param>
/// <param name="SignOff">The name the notes are signed with; by default the one in the latest draft.</param>
public sealed record CloseOutInput(
    [property: MaxLength(InputLimits.Id, ErrorMessage = "tone is at most 64 characters long.")]
    string? Tone = null,
    [property: MaxLength(InputLimits.Field, ErrorMessage = "signOff is at most 200 characters long.")]
    [property: NoControlCharacters]
    string? SignOff = null);

/// <summary>A withdrawal note the person sent (after editing it): kept as a draft, marked sent, and the outcome becomes withdrew.</summary>
public sealed record WithdrawalSentInput(
    [property: MaxLength(InputLimits.Subject, ErrorMessage = "subject is at most 200 characters long.")]
    [property: NoControlCharacters]
    string? Subject,
    [property: Required(ErrorMessage = "body is required: the note as sent.")]
    [property: MaxLength(InputLimits.Body, ErrorMessage = "body is at most 5000 characters long.")]
    [property: NoControlCharacters]
    string? Body,
    [property: MaxLength(InputLimits.Id, ErrorMessage = "tone is at most 64 characters long.")]
    string? Tone = null,
    int? Version = null);

public sealed record ContactResponse(string? Name, string? Email);

/// <param name="Type">created, outcome, note, check, draft, draft-sent, decide-by or expect-reply-by.</param>
/// <param name="Date">The date set (decide-by, expect-reply-by); null there when it was cleared.</param>
public sealed record TimelineEntryResponse(
    DateTimeOffset At, string Type, string? Outcome, string? Text, Guid? Session, Guid? Draft, DateOnly? Date = null);

/// <param name="DecideBy">When the person must decide, when set.</param>
/// <param name="ExpectReplyBy">When the employer said they would reply, when set.</param>
public sealed record ApplicationResponse(
    Guid Id, string Kind, string Company, string Role, ContactResponse? Contact, string? Notes, string Outcome, int Version,
    DateTimeOffset Created, DateTimeOffset Updated, IReadOnlyList<TimelineEntryResponse> Timeline,
    DateOnly? DecideBy = null, DateOnly? ExpectReplyBy = null);

public sealed record ApplicationSummary(
    Guid Id, string Kind, string Company, string Role, string Outcome, int Version, DateTimeOffset Created, DateTimeOffset Updated,
    DateOnly? DecideBy = null, DateOnly? ExpectReplyBy = null);

public sealed record CloseOutFinding(string Rule, string Severity, string Message, string Excerpt, string Fix, string Guide);

/// <summary>One other open application with its withdrawal note drafted (nothing stored).</summary>
public sealed record CloseOutNote(
    Guid Application, string Company, string Role, int Version, string Kind, string Tone, string Subject, string Body,
    string? To, IReadOnlyList<CloseOutFinding> Findings);

public sealed record CloseOutResponse(Guid Accepted, IReadOnlyList<CloseOutNote> Others);
