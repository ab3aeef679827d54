// The guide list (/guides?q=&tag=) when the page on screen is the kept copy of /guides (no connection, or one too slow
// to wait for; see sw.js): the search is done here, on the guides this device keeps, and says so, instead of silently
// listing every guide. With the server's page on screen (its search box already holds the query) it does nothing.
const words = (text) => text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);

async function keptText(href) {
    try {
        const response = await fetch(href, { credentials: "same-origin" });
        const html = await response.text();
        return new DOMParser().parseFromString(html, "text/html").querySelector("main")?.textContent ?? "";
    } catch {
        return null;
    }
}

async function searchHere() {
    const url = new URL(window.location.href);
    const query = (url.searchParams.get("q") ?? "").trim();
    const tag = (url.searchParams.get("tag") ?? "").trim();
    const box = document.getElementById("guide-search");
    const list = document.querySelector("ol.results");
    if ((!query && !tag) || !box || !list || box.value.trim() === query && (!tag || document.querySelector("[aria-current=page]")?.getAttribute("href")?.includes(`tag=${encodeURIComponent(tag)}`))) {
        return;
    }
    box.value = query;
    const wanted = words(query);
    let shown = 0;
    for (const item of list.querySelectorAll("li.result")) {
        const link = item.querySelector("h2 a");
        const tags = [...item.querySelectorAll(".tags a")].map((a) => new URL(a.href).searchParams.get("tag"));
        let matches = !tag || tags.includes(tag);
        if (matches && wanted.length > 0) {
            const text = await keptText(link.getAttribute("href"));
            const have = new Set(words(`${link.textContent} ${text ?? item.textContent}`));
            matches = wanted.every((word) => [...have].some((w) => w.startsWith(word)));
        }
        item.hidden = !matches;
        shown += matches ? 1 : 0;
    }
    const about = [query ? `\u201c${query}\u201d` : null, tag ? `the topic ${tag}` : null].filter(Boolean).join(" in ");
    const line = document.querySelector("p.count");
    const text = `${shown === 1 ? "1 guide" : `${shown} guides`} matching ${about}, searched on this device (no connection to the server)`;
    if (line) {
        line.textContent = text;
        line.id = "offline-search-count";
        line.setAttribute("role", "status");
    }
}

searchHere();
window.Blazor?.addEventListener?.("enhancedload", searchHere);
