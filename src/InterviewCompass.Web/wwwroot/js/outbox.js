// What this browser has not yet saved to the server, kept in IndexedDB so it survives a reload, a closed tab or a
// phone with no signal. Each entry has an id the browser chose (a random UUID), and is sent as
// POST /api/v1/sessions { id, ... } with an Idempotency-Key: the server keeps one session per id, so sending the
// same entry twice (a retry, two tabs, a lost response) never makes a second one.
const dbName = "interviewcompass";
const storeName = "outbox";
const sessionsApi = "/api/v1/sessions";

let opening = null;

function open() {
    opening ??= new Promise((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: "id" });
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
    return opening;
}

async function run(mode, work) {
    const db = await open();
    return new Promise((resolve, reject) => {
        const transaction = db.transaction(storeName, mode);
        const result = work(transaction.objectStore(storeName));
        transaction.oncomplete = () => resolve(result?.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
    });
}

/** A new random id, as the server writes it in addresses (32 hex digits). */
export function newId() {
    return crypto.randomUUID().replaceAll("-", "");
}

/** Keeps (or replaces) an entry: { id, checklist, answers, label, completed, title?, headline? }; returns it with its revision. */
export async function keep(entry) {
    const kept = { ...entry, rev: Date.now() + Math.random(), kept: new Date().toISOString() };
    await run("readwrite", (store) => store.put(kept));
    notify();
    return kept;
}

export async function get(id) {
    return run("readonly", (store) => store.get(id));
}

export async function all() {
    return (await run("readonly", (store) => store.getAll())) ?? [];
}

/** Drops an entry once the server has it, unless it changed meanwhile (then that newer change is still to send). */
export async function remove(id, rev) {
    const db = await open();
    await new Promise((resolve, reject) => {
        const transaction = db.transaction(storeName, "readwrite");
        const store = transaction.objectStore(storeName);
        const read = store.get(id);
        read.onsuccess = () => {
            if (read.result?.rev === rev) {
                store.delete(id);
            }
        };
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
    });
    notify();
}

function dashed(id) {
    const hex = id.replaceAll("-", "");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sends one entry. Resolves to the server's session when saved, null when the connection failed (kept for later);
 * a save the server refuses for good (400) is kept too, and reported with { refused: problem }.
 */
export async function send(entry) {
    let response;
    try {
        response = await fetch(sessionsApi, {
            method: "POST",
            headers: {
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Idempotency-Key": `${entry.id}.${entry.rev}`,
            },
            credentials: "same-origin",
            cache: "no-store",
            body: JSON.stringify({
                id: dashed(entry.id),
                checklist: entry.checklist,
                answers: entry.answers,
                label: entry.label,
                completed: entry.completed,
            }),
        });
    } catch {
        return null;
    }

    if (response.status === 409) {
        // Another browser holds this id (it never happens by chance): keep the answers under a new one.
        await run("readwrite", (store) => store.delete(entry.id));
        const moved = await keep({ ...entry, id: newId() });
        return send(moved);
    }

    if (!response.ok) {
        const retryAfter = Number(response.headers.get("Retry-After"));
        return { failed: response.status, retryAfter };
    }

    const session = await response.json();
    await remove(entry.id, entry.rev);
    return { session };
}

let flushing = null;

/** Sends everything kept, one at a time; stops at the first connection failure. */
export function flush() {
    flushing ??= (async () => {
        try {
            for (const entry of await all()) {
                const sent = await send(entry);
                if (sent === null) {
                    return;
                }
            }
        } finally {
            flushing = null;
        }
    })();
    return flushing;
}

/** Tells the page that what is kept changed (js/offline.js shows what is not saved yet). */
function notify() {
    document.dispatchEvent(new Event("interviewcompass:kept"));
}
