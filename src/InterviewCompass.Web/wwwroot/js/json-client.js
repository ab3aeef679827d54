// The one JSON client of the browser modules: same-origin, never cached, an Idempotency-Key when given, and the
// server's problem details (RFC 9457) read into one line a person can be shown. Every module that talks to /api/v1 uses
// this; none writes its own fetch.

/** A new random key or id (32 hex digits), as the server writes ids in addresses. */
export function newId() {
    if (window.crypto?.randomUUID) {
        return window.crypto.randomUUID().replaceAll("-", "");
    }
    return [...window.crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** 32 hex digits as the 8-4-4-4-12 form the API's JSON takes. */
export function dashed(id) {
    const hex = String(id).replaceAll("-", "");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The problem details of a refused request as one line ("Some answers could not be used: ..."), or null. */
export async function problemOf(response) {
    try {
        const problem = await response.json();
        const errors = problem.errors ? Object.values(problem.errors).flat() : [];
        return [problem.detail, ...errors].filter(Boolean).join(" ") || problem.title || null;
    } catch {
        return null;
    }
}

/**
 * Sends one request. Resolves to { ok, status, body, problem, retryAfter }; rejects only when the network failed
 * (no answer at all), so a caller can tell "no connection" from "the server said no".
 */
export async function send({ method = "GET", url, body, key, keepalive = false }) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) {
        headers["Content-Type"] = "application/json";
    }
    if (key) {
        headers["Idempotency-Key"] = key;
    }
    const response = await fetch(url, {
        method,
        headers,
        credentials: "same-origin",
        cache: "no-store",
        keepalive,
        body: body === undefined ? undefined : (typeof body === "string" ? body : JSON.stringify(body)),
    });
    const retryAfter = Number(response.headers.get("Retry-After")) || 0;
    if (!response.ok) {
        return { ok: false, status: response.status, body: null, problem: await problemOf(response), retryAfter };
    }
    let parsed = null;
    if (response.status !== 204 && (response.headers.get("Content-Type") ?? "").includes("json")) {
        parsed = await response.json().catch(() => null);
    }
    return { ok: true, status: response.status, body: parsed, problem: null, retryAfter };
}

/** GET a JSON document (from the service worker's cache when it keeps it); rejects when it cannot be read. */
export async function getJson(url) {
    const answer = await send({ url });
    if (!answer.ok) {
        throw new Error(`${url}: ${answer.status}`);
    }
    return answer.body;
}

/** POST a JSON body and read the JSON answer; rejects on no connection, resolves to the answer otherwise. */
export function postJson(url, body) {
    return send({ method: "POST", url, body });
}
