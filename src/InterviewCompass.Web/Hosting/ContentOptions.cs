using System.ComponentModel.DataAnnotations;

namespace InterviewCompass.Web.Hosting;

/// <summary>Where the content catalog is read from (<c>Content:Path</c>); relative paths are taken from the app's content root.</summary>
public sealed record ContentOptions
{
    public const string Section = "Content";

    [Required(AllowEmptyStrings = false)]
    public string Path { get; init; } = System.IO.Path.Combine(AppContext.BaseDirectory, "content");
}
