// The outbox: every write this browser makes in the background (check answers, drafts, and what later features add)
// is kept here first, in one IndexedDB store, and sent by one loop, one at a time, in the order made, each with its own
// Idempotency-Key and the time it was made (`madeAt` in its JSON body, so a list shows when it was made, not when it
// synced). So a reload, a closed tab, no signal or a server restart loses nothing, and nothing is sent twice.
//
// One owner per browser: the first write of a browser with no owner cookie creates the owner and sets the cookie; the
// loop sends the next write only after that answer, across every tab (a Web Lock), so a browser never splits its
// history between two owners. A 2xx or a refusal (a 4xx other than 408/409/429) is a definite answer; anything else
// (no connection, 5xx, 408, 429, 409 "still running") is tried again with one back-off.
//
// write = { method, url, body, key?, group?, create?: { method, url }, delayMs?, title?, href?, meta? }
// - group: writes of one thing (a session, a draft). A new write replaces the group's last one not yet on its way.
// - create: how the group's first write is sent when the server has not given the thing an id yet; later writes of
//   the group use url with "{id}" replaced by that id once the create's answer names it.
// - title, href: how the "not saved yet" list (js/offline.js) names and links it. meta: the owning module's own data.
import { newId, send as sendJson } from "./json-client.js";

const dbName = "interviewcompass";
const writes = "writes";
const groups = "groups";
const legacy = "outbox";
const lockName = "interviewcompass-outbox";
const inFlightMs = 30000;
const firstRetryMs = 1000;
const longestRetryMs = 60000;
const channel = "BroadcastChannel" in window ? new BroadcastChannel(lockName) : null;

let opening = null;

function open() {
    opening ??= new Promise((resolve, reject) => {
        const request = indexedDB.open(dbName, 2);
        request.onupgradeneeded = () => upgrade(request.result, request.transaction);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
    });
    return opening;
}

// Version 1 kept unsaved checks in "outbox": each becomes a write of the one store.
function upgrade(db, transaction) {
    const store = db.createObjectStore(writes, { keyPath: "seq", autoIncrement: true });
    db.createObjectStore(groups, { keyPath: "group" });
    if (!db.objectStoreNames.contains(legacy)) {
        return;
    }
    const old = transaction.objectStore(legacy).getAll();
    old.onsuccess = () => {
        for (const entry of old.result ?? []) {
            store.add(sessionWrite(entry, entry.kept));
        }
        db.deleteObjectStore(legacy);
    };
}

function run(mode, work) {
    return open().then((db) => new Promise((resolve, reject) => {
        const transaction = db.transaction([writes, groups], mode);
        let result;
        Promise.resolve(work(transaction.objectStore(writes), transaction.objectStore(groups))).then((value) => { result = value; }, reject);
        transaction.oncomplete = () => resolve(result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
    }));
}

const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });

const inFlight = (entry) => entry.sendingAt && Date.now() - entry.sendingAt < inFlightMs;

/** A check session as the sessions API takes it (POST with the browser's id: sent twice, it is kept once). */
export function sessionWrite(entry, madeAt) {
    const id = String(entry.id).replaceAll("-", "");
    return {
        method: "POST",
        url: "/api/v1/sessions",
        body: { id: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`, checklist: entry.checklist, answers: entry.answers, label: entry.label, completed: entry.completed },
        group: `session:${id}`,
        title: [entry.title ?? entry.checklist, entry.label].filter(Boolean).join(": "),
        href: `/check/${encodeURIComponent(entry.checklist)}?session=${id}`,
        meta: { headline: entry.headline ?? null },
        key: newId(),
        madeAt: madeAt ?? new Date().toISOString(),
        notBefore: 0,
        refused: null,
        sendingAt: 0,
        creates: false,
    };
}

/** Keeps a write; resolves to the kept entry. Sending starts at once (or after write.delayMs). */
export async function enqueue(write) {
    const now = Date.now();
    const entry = await run("readwrite", async (store, known) => {
        const all = await request(store.getAll());
        const last = write.group ? all.filter((e) => e.group === write.group).at(-1) : undefined;
        const fresh = { key: write.key ?? newId(), body: write.body, title: write.title ?? last?.title ?? "", href: write.href ?? last?.href ?? "",
            meta: write.meta ?? null, notBefore: now + (write.delayMs ?? 0), refused: null, sendingAt: 0 };
        if (last && !inFlight(last) && !last.attempted) {
            // Not tried yet: the newer write takes its place (and keeps when the first of them was made). One that was
            // tried may have arrived with its answer lost: it is sent again as it was, with its key, and this one after.
            const replaced = { ...last, ...fresh };
            await request(store.put(replaced));
            return replaced;
        }
        const id = write.group ? (await request(known.get(write.group)))?.id : undefined;
        const creating = write.create && !id && !last;
        const kept = { ...fresh, group: write.group ?? null, madeAt: new Date(now).toISOString(),
            method: creating ? write.create.method : write.method,
            url: creating ? write.create.url : (id ? write.url.replace("{id}", encodeURIComponent(id)) : write.url),
            creates: Boolean(creating), updateUrl: write.create ? write.url : null };
        kept.seq = await request(store.add(kept));
        return kept;
    });
    changed();
    flush();
    return entry;
}

/** Every write not yet on the server, in the order made. */
export async function all() {
    return (await run("readonly", (store) => request(store.getAll()))) ?? [];
}

/** The id the server gave a group's thing (e.g. a draft created from the outbox), if known. */
export async function idOf(group) {
    return (await run("readonly", (_, known) => request(known.get(group))))?.id ?? null;
}

/** Forgets everything kept (after "Delete everything": nothing is ever sent again). */
export async function clear() {
    await run("readwrite", (store, known) => Promise.all([request(store.clear()), request(known.clear())]));
    stopped = true;
    changed();
}

/** Forgets one group's writes (its thing was saved another way, e.g. a form post). */
export async function drop(group) {
    await run("readwrite", async (store) => {
        for (const entry of await request(store.getAll())) {
            if (entry.group === group && !inFlight(entry)) {
                store.delete(entry.seq);
            }
        }
    });
    changed();
}

let stopped = false;
let flushing = null;
let again = false;
let failures = 0;
let retryTimer = 0;

/** Sends what is kept, in order; one loop in this browser at a time. Resolves when it stops. */
export function flush() {
    if (stopped) {
        return Promise.resolve();
    }
    if (flushing) {
        again = true;
        return flushing;
    }
    window.clearTimeout(retryTimer);
    const loop = async () => {
        do {
            again = false;
            await sendAll();
        } while (again);
    };
    flushing = (navigator.locks ? navigator.locks.request(lockName, loop) : loop())
        .catch(() => { /* storage refused: nothing kept to send */ })
        .finally(() => { flushing = null; });
    return flushing;
}

function retryIn(ms) {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(flush, ms);
}

async function sendAll() {
    for (const entry of await all()) {
        if (stopped) {
            return;
        }
        if (entry.refused || entry.url.includes("{id}")) {
            continue; // Refused for good (until replaced), or waits for its create's id.
        }
        const wait = entry.notBefore - Date.now();
        if (wait > 0) {
            retryIn(wait); // In the order made: nothing after it goes first.
            return;
        }
        const outcome = await sendOne(entry);
        if (outcome === "later") {
            failures += 1;
            retryIn(lastRetryAfter > 0 ? lastRetryAfter * 1000 : Math.min(longestRetryMs, firstRetryMs * 2 ** (failures - 1)));
            return;
        }
        failures = 0;
    }
}

let lastRetryAfter = 0;

async function sendOne(entry) {
    await run("readwrite", (store) => request(store.put({ ...entry, sendingAt: Date.now(), attempted: true })));
    const body = entry.body && typeof entry.body === "object" && !Array.isArray(entry.body) ? { ...entry.body, madeAt: entry.madeAt } : entry.body;
    let answer;
    try {
        // keepalive: a page left right after a write (a verdict, then the history) still sends it; a lost answer is
        // sent again from the next page with the same key, and the server answers it once.
        answer = await sendJson({ method: entry.method, url: entry.url, body, key: entry.key, keepalive: true });
    } catch {
        answer = { ok: false, status: 0, problem: null, retryAfter: 0 };
    }
    lastRetryAfter = answer.retryAfter;
    const retry = !answer.ok && (answer.status === 0 || answer.status >= 500 || [408, 429].includes(answer.status)
        || (answer.status === 409 && /still running/i.test(answer.problem ?? "")));
    await run("readwrite", async (store, known) => {
        const now = await request(store.get(entry.seq));
        if (answer.ok) {
            const id = entry.creates ? answer.body?.id : null;
            if (id && entry.group) {
                known.put({ group: entry.group, id });
                for (const other of await request(store.getAll())) {
                    if (other.group === entry.group && other.url.includes("{id}")) {
                        store.put({ ...other, url: other.url.replace("{id}", encodeURIComponent(id)) });
                    }
                }
            }
            if (now && now.key === entry.key) {
                store.delete(entry.seq);
            } else if (now) {
                // A newer write took its place while it was on its way: it now updates what the create made.
                store.put({ ...now, sendingAt: 0, ...(id && now.updateUrl ? { method: "PUT", url: now.updateUrl.replace("{id}", encodeURIComponent(id)), creates: false } : {}) });
            }
        } else if (now) {
            store.put({ ...now, sendingAt: 0, refused: retry || now.key !== entry.key ? null : { status: answer.status, problem: answer.problem } });
        }
    });
    emit(answer.ok ? "sent" : retry ? "failed" : "refused", entry, answer);
    changed();
    return answer.ok ? "sent" : retry ? "later" : "refused";
}

function emit(type, entry, answer) {
    document.dispatchEvent(new CustomEvent("interviewcompass:outbox", { detail: { type, entry, answer } }));
}

/** Tells this page and the others that what is kept changed (js/offline.js lists what is not saved yet). */
function changed() {
    document.dispatchEvent(new CustomEvent("interviewcompass:outbox", { detail: { type: "changed" } }));
    channel?.postMessage("changed");
}

channel?.addEventListener("message", () => document.dispatchEvent(new CustomEvent("interviewcompass:outbox", { detail: { type: "changed" } })));
window.addEventListener("online", () => { failures = 0; flush(); });
