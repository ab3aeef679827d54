namespace InterviewCompass.Web.Shared;

/// <summary>
/// Marks a page or GET endpoint whose answer is the same for everyone and changes only with a deploy (code or content):
/// it gets <c>Cache-Control: public, max-age=60, stale-while-revalidate=60</c> (browsers and nginx's cache keep it) and an
/// entity tag, and a matching <c>If-None-Match</c> gets 304 without rendering (see <c>Hosting/WebDelivery</c>).
/// <see cref="ShowsPersonalDataAttribute"/> wins over it. Pages: <c>@attribute [PublicContent]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class PublicContentAttribute : Attribute;
