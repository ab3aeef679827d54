namespace InterviewCompass.Web.Shared;

/// <summary>
/// Marks an endpoint or page that shows a person's kept data: its responses get
/// <c>Cache-Control: no-store</c> (see <c>ApiGroups.MapPersonalApi</c>). Pages: <c>@attribute [ShowsPersonalData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class ShowsPersonalDataAttribute : Attribute;
