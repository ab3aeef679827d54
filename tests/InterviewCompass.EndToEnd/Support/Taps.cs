using Microsoft.Playwright;

namespace InterviewCompass.EndToEnd.Support;

/// <summary>Taps (touch on a phone viewport, clicks otherwise) that a person makes, counted.</summary>
public sealed class Taps(IPage page)
{
    private readonly bool _touch = page.Context.Browser is not null && page.ViewportSize is { Width: < 600 };

    public int Count { get; private set; }

    public async Task OnAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Count++;
        if (_touch)
        {
            await target.TapAsync();
        }
        else
        {
            await target.ClickAsync();
        }
    }
}
