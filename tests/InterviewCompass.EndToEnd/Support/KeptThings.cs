using System.Text.Json;
using Microsoft.Playwright;

namespace InterviewCompass.EndToEnd.Support;

/// <summary>A finished walk-out check and a withdrawal draft, kept through the API in the page's own browser (its cookie).</summary>
public sealed record KeptThings(string Session, string Draft)
{
    public static async Task<KeptThings> KeepAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await PostAsync(page, "/api/v1/sessions", new
        {
            checklist = "walk-out",
            answers = new Dictionary<string, string>
            {
                ["salary-below-posted"] = "raised-unresolved",
                ["aggressive-behaviour"] = "no",
                ["unexplained-lateness"] = "unsure",
            },
            label = "Acme, data analyst",
            completed = true,
        });
        var draft = await PostAsync(page, "/api/v1/drafts", new
        {
            kind = "withdrawal-note",
            tone = "warm",
            fields = new Dictionary<string, string> { ["name"] = "Sam", ["company"] = "Acme" },
            subject = "Withdrawing from the analyst role",
            body = "Dear Sam,\n\nThank you for your time. I have decided to withdraw from the process.\n\nBest wishes,\nAlex",
        });
        return new KeptThings(session, draft);
    }

    private static async Task<string> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync(path, new() { DataObject = body });
        Assert.True(response.Ok, $"POST {path}: {response.Status} {await response.TextAsync()}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.GetProperty("id").GetGuid().ToString("N");
    }
}
