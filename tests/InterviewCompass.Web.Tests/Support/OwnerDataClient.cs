using System.Net.Http.Json;
using System.Text.Json;

namespace InterviewCompass.Web.Tests.Support;

/// <summary>Small helpers for calling the owner-data API as a browser would.</summary>
public static class OwnerDataClient
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Ct);

    /// <summary>Saves a walk-out session and returns its id.</summary>
    public static async Task<string> SaveSessionAsync(
        this HttpClient client, IDictionary<string, string>? answers = null, string? label = null, bool completed = true)
    {
        var response = await client.PostJsonAsync("/api/v1/sessions", new
        {
            checklist = "walk-out",
            answers = answers ?? new Dictionary<string, string> { ["aggressive-behaviour"] = "yes" },
            label,
            completed,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>Every earlier version of a draft, newest first, read page by page from <c>/api/v1/drafts/{id}/versions</c>.</summary>
    public static async Task<List<JsonElement>> AllVersionsAsync(this HttpClient client, string draftId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var json = await (await client.GetAsync($"/api/v1/drafts/{draftId}/versions?page={page}", Ct)).JsonAsync();
            all.AddRange(json.GetProperty("items").EnumerateArray());
            if (page * json.GetProperty("pageSize").GetInt32() >= json.GetProperty("total").GetInt32())
            {
                return all;
            }
        }
    }

    /// <summary>The <c>ic-owner=...</c> pair a response issued, to send it again from another client (another device).</summary>
    public static string OwnerCookieOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ic-owner=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    /// <summary>A request carrying exactly this cookie (none when null).</summary>
    public static HttpRequestMessage WithCookie(this HttpRequestMessage request, string? cookie)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    /// <summary>Form fields of the first form on an HTML page (hidden inputs: antiforgery token, handler name).</summary>
    public static Dictionary<string, string> HiddenFields(string html, string formName)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = html.IndexOf($"value=\"{formName}\"", StringComparison.Ordinal);
        var formStart = html.LastIndexOf("<form", start, StringComparison.Ordinal);
        var formEnd = html.IndexOf("</form>", start, StringComparison.Ordinal);
        var form = html[formStart..formEnd];
        var fields = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(
            form, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\""))
        {
            fields[m.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        return fields;
    }

    /// <summary>Gets the page, then posts its form (with its antiforgery token) plus <paramref name="extra"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, string formName, IDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(url, Ct);
        var fields = HiddenFields(html, formName);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }
}
