namespace InterviewCompass.EndToEnd.Support;

/// <summary>How the person's browser is set up: dark or light, language, time zone (null: the machine's).</summary>
public sealed record BrowserLook(bool Dark = false, string Locale = "en-GB", string? TimeZone = null);
