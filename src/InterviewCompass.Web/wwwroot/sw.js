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

// A page asked for while offline: the kept copy, or the kept copy of the same page without its query
// (/check/walk-out?session=... is the check page; its script restores the answers kept on this device), or else
// the offline page, at its own address, which says what waits for a connection.
async function keptPage(request) {
    const cache = await caches.open(cacheName);
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) {
        return kept;
    }

    // Then the same page with fewer query parameters, dropped from the end, down to the bare path:
    // /check/walk-out?focus=pay&session=... is the kept /check/walk-out?focus=pay, and /drafts/new?kind=...&situation=...
    // the one kept composer page (js/composer.js shows the kind, tone and situation the address asks for).
    const url = new URL(request.url);
    const count = [...url.searchParams.keys()].length;
    for (let keep = count - 1; keep >= 0; keep--) {
        const query = new URLSearchParams([...url.searchParams].slice(0, keep)).toString();
        const shorter = await cache.match(url.pathname + (query ? `?${query}` : ""), { ignoreVary: true });
        if (shorter) {
            return shorter;
        }
    }

    return (await cache.match(offlinePage)) ? Response.redirect(new URL(offlinePage, self.location.origin).href, 303) : Response.error();
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
        // The network first, so a person online always sees the server's page (their own offers and history included);
        // the kept copy only when there is no connection.
        event.respondWith(fetch(request).catch(() => keptPage(request)));
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
