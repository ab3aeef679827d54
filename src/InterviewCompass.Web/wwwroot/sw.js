// The service worker: keeps the app shell, every guide, the three checks and the data their verdicts need, so the app
// opens and works with no connection after one visit. Registered by js/offline.js as /sw.js?v=<version>; a new version
// (new content or a new app) is a new script URL, which installs a new worker that replaces the old cache.
//
// Nothing personal is kept: pages are fetched for the cache without cookies, only the listed pages and the scripts,
// styles and icons they use are kept, and history, drafts and the owner API are never answered from the cache.
const version = new URL(self.location.href).searchParams.get("v") || "dev";
const cacheName = `interviewcompass-${version}`;
const cachePrefix = "interviewcompass-";
const offlinePage = "/offline";
const listUrl = "/api/v1/offline";
const messagesUrl = "/api/v1/messages";

// Same-origin files a kept page refers to: stylesheets, scripts, icons, the manifest.
const referenced = /<(?:link|script)\b[^>]*?\b(?:href|src)="(\/?[^"#?:]+\.(?:css|js|svg))"/g;

async function keep(cache, url) {
    const response = await fetch(url, { credentials: "omit", cache: "no-store" });
    if (!response.ok) {
        throw new Error(`${url}: ${response.status}`);
    }

    const copy = response.clone();
    await cache.put(url, response);
    return copy;
}

async function precache() {
    const cache = await caches.open(cacheName);
    const list = await (await fetch(listUrl, { credentials: "omit", cache: "no-store" })).json();
    const assets = new Set();
    await Promise.all(list.urls.map(async (url) => {
        const response = await keep(cache, url);
        if ((response.headers.get("Content-Type") || "").startsWith("text/html")) {
            for (const match of (await response.text()).matchAll(referenced)) {
                assets.add(new URL(match[1], self.location.origin).pathname);
            }
        }
    }));
    await Promise.all([...assets].filter((url) => !list.urls.includes(url)).map((url) => keep(cache, url)));
}

self.addEventListener("install", (event) => {
    event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
    event.waitUntil((async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith(cachePrefix) && name !== cacheName) {
                await caches.delete(name);
            }
        }

        await self.clients.claim();
    })());
});

// How long a kept page waits for the network before the kept copy is shown: on a good connection the server's page (a
// person's own offers included) comes first; on one bar of signal, or none, the kept copy is on screen at once after
// this. Documented in docs/PERFORMANCE.md ("Local first").
const networkTimeoutMs = 500;

// The kept copy of a page: the page itself, or the same page with fewer query parameters, dropped from the end, down to
// the bare path: /check/walk-out?focus=pay&session=... is the kept /check/walk-out?focus=pay (its script puts back the
// answers this device or the server has), and /drafts/new?kind=...&situation=... the one kept composer page
// (js/composer.js shows the kind, tone and situation the address asks for). Null when nothing of it is kept.
async function keptCopy(request) {
    const cache = await caches.open(cacheName);
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) {
        return kept;
    }

    const url = new URL(request.url);
    const count = [...url.searchParams.keys()].length;
    for (let keep = count - 1; keep >= 0; keep--) {
        const query = new URLSearchParams([...url.searchParams].slice(0, keep)).toString();
        const shorter = await cache.match(url.pathname + (query ? `?${query}` : ""), { ignoreVary: true });
        if (shorter) {
            return shorter;
        }
    }

    return null;
}

async function offlineAnswer() {
    const cache = await caches.open(cacheName);
    return (await cache.match(offlinePage)) ? Response.redirect(new URL(offlinePage, self.location.origin).href, 303) : Response.error();
}

// A page: the network's answer if it comes within networkTimeoutMs, else the kept copy; a page nothing of which is kept
// (history, a draft) waits for the network, and with none says what waits for a connection (the offline page).
async function page(request) {
    const network = fetch(request);
    const kept = await keptCopy(request);
    if (!kept) {
        return network.catch(() => offlineAnswer());
    }

    let timer = 0;
    const late = new Promise((resolve) => { timer = setTimeout(resolve, networkTimeoutMs, null); });
    const first = await Promise.race([network.catch(() => null), late]);
    clearTimeout(timer);
    return first ?? kept;
}

function isPage(request) {
    return request.mode === "navigate" || (request.headers.get("Accept") || "").includes("text/html");
}

self.addEventListener("fetch", (event) => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) {
        return;
    }

    if (isPage(request)) {
        event.respondWith(page(request));
        return;
    }

    if (url.pathname.startsWith("/api/") && !url.pathname.startsWith("/api/v1/checklists/") && url.pathname !== messagesUrl) {
        return;
    }

    // Scripts, styles, icons, checklist data and message templates of this version: the kept copy first (it is this version's), else the network.
    event.respondWith((async () => {
        const kept = await caches.match(request, { cacheName, ignoreVary: true });
        return kept ?? fetch(request);
    })());
});
