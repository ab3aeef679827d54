namespace InterviewCompass.Web.Shared;

/// <summary>The longest text a person can keep in each place (checked on input, and the column sizes).</summary>
public static class InputLimits
{
    public const int Label = 120;
    public const int Field = 200;
    public const int Subject = 200;
    public const int Body = 5000;
    public const int FieldCount = 12;
}
