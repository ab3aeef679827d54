namespace InterviewCompass.EndToEnd.Support;

/// <summary>A screen size a person uses: a phone held upright, or a laptop.</summary>
public sealed record Viewport(string Name, int Width, int Height)
{
    public static readonly Viewport Phone = new("phone", 360, 740);
    public static readonly Viewport SmallPhone = new("small-phone", 320, 640);
    public static readonly Viewport Desktop = new("desktop", 1280, 800);

    /// <summary>For <c>[Theory, MemberData(nameof(Viewport.Both), MemberType = typeof(Viewport))]</c>.</summary>
    public static TheoryData<string> Both => new(Phone.Name, Desktop.Name);

    public static Viewport Named(string name) => name switch
    {
        "phone" => Phone,
        "small-phone" => SmallPhone,
        "desktop" => Desktop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown viewport"),
    };

    /// <summary>A phone held upright: touch, mobile layout.</summary>
    public bool IsPhone => Width < 600;

    public override string ToString() => $"{Name} {Width}x{Height}";
}
