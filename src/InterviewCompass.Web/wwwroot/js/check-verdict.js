// The check page's verdict, given here at once whatever the network: js/verdict-engine.js (held equal to the server's
// engine) on the checklist data (GET /api/v1/checklists/{id}, kept by the service worker and read as soon as the page
// opens), drawn from the card template the server rendered with the page (js/card-filler.js), so it is the server's
// own card. Saving happens behind, through the outbox (js/check-autosave.js).
import { getJson } from "./json-client.js";
import { assess } from "./verdict-engine.js";
import { fill, drawn } from "./card-filler.js";
import { verdictView } from "./verdict-view.js";

const checklists = new Map();

/** Starts reading the checklist data (once per page); resolves to it, or rejects when it cannot be had. */
export function checklistData(id) {
    if (!checklists.has(id)) {
        const reading = getJson(`/api/v1/checklists/${encodeURIComponent(id)}`);
        reading.catch(() => checklists.delete(id));
        checklists.set(id, reading);
    }
    return checklists.get(id);
}

function kindTitles() {
    try {
        return JSON.parse(document.getElementById("verdict-card-template")?.dataset.kindTitles ?? "{}");
    } catch {
        return {};
    }
}

/**
 * Draws the verdict for these answers above the form (replacing any card there). Resolves to the verdict, or null when
 * it cannot be given here (no checklist data, answers the engine refuses, no template): the form post gives it then.
 */
export async function drawVerdict(form, answers, session, { focus = true } = {}) {
    let checklist;
    try {
        checklist = await checklistData(form.dataset.checklist);
    } catch {
        return null;
    }
    const { verdict } = assess(checklist, answers);
    if (!verdict) {
        return null;
    }
    const card = fill("verdict-card-template", verdictView(checklist, verdict, answers, kindTitles(), session));
    if (!card) {
        return null;
    }
    const old = document.getElementById("verdict");
    if (old) {
        old.replaceWith(card);
    } else {
        (document.getElementById("verdict-not-saved") ?? form).before(card);
    }
    // As the server draws a page with a verdict: no "carry on" line, no "What happened?" choices.
    document.getElementById("check-resumed")?.remove();
    document.querySelector("nav.starts")?.remove();
    drawn();
    if (focus) {
        const headline = document.getElementById("verdict-headline");
        headline?.scrollIntoView({ block: "start" });
        headline?.focus({ preventScroll: true });
    }
    return verdict;
}
