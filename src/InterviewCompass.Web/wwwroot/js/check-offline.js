// The check page with no connection: the verdict given here by js/verdict-engine.js from the same checklist data the
// server uses (kept by the service worker), drawn as the server draws it, and the finished check kept on this device
// until it can be saved. Loaded by js/check-autosave.js only when needed.
import { keep } from "./outbox.js";

async function checklistData(id) {
    const response = await fetch(`/api/v1/checklists/${encodeURIComponent(id)}`, { credentials: "same-origin" });
    if (!response.ok) {
        throw new Error(`The checklist ${id} could not be read: ${response.status}`);
    }

    return response.json();
}

function element(tag, properties = {}, children = []) {
    const node = Object.assign(document.createElement(tag), properties);
    node.append(...children);
    return node;
}

/** Words blocks as Features/Checks/VerdictWords.razor draws them: who each is for, its lines, its own Copy and Read aloud. */
function wordBlocks(blocks, prefix) {
    return blocks.map((block, i) => {
        const id = i === 0 ? prefix : `${prefix}-${i + 1}`;
        const copy = element("button", { type: "button", className: "button secondary", textContent: block.for ? `Copy the words for ${block.for}` : "Copy the words" });
        copy.dataset.copyTarget = id;
        copy.dataset.copyStatus = "verdict-copy-status";
        const speak = element("button", { type: "button", className: "button secondary", textContent: "Read aloud" });
        speak.dataset.speakTarget = id;
        speak.setAttribute("aria-pressed", "false");
        speak.hidden = !("speechSynthesis" in window);
        return element("div", { className: "words-block" }, [
            ...(block.for ? [element("p", { className: "words-for", textContent: `For ${block.for}` })] : []),
            element("div", { className: "words", id }, block.lines.map((line) => element("p", { textContent: line }))),
            element("div", { className: "copy-row" }, [speak, copy]),
        ]);
    });
}

/** The verdict card as the server draws it (Features/Checks/VerdictCard.razor), for a verdict given here. */
function verdictCard(verdict, labels) {
    const confidence = labels.confidence.find((b) => verdict.confidence >= b.atLeast) ?? labels.confidence.at(-1);
    const headline = element("h2", { id: "verdict-headline", tabIndex: -1, textContent: verdict.headline });
    const card = element("section", { className: "verdict", id: "verdict" }, [
        element("p", { className: "verdict-label", textContent: "Verdict" }),
        headline,
        element("p", { className: "confidence", textContent: confidence.text }),
        element("p", { textContent: verdict.explanation }),
    ]);
    card.setAttribute("aria-labelledby", "verdict-headline");
    card.dataset.offline = "true";
    if (verdict.reasons.length > 0) {
        card.append(
            element("h3", { textContent: "Why" }),
            element("ul", { className: "reasons" }, verdict.reasons.map((r) => element("li", {}, [
                element("a", { href: r.guide, textContent: r.text }),
                " ",
                element("span", { className: "your-answer", textContent: `Your answer: ${labels.answers[r.answer] ?? r.answer}` }),
                element("p", { className: "reason-note", textContent: r.note }),
            ]))));
    }

    const status = element("p", { className: "copy-status", id: "verdict-copy-status" });
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    if (verdict.words.length > 0) {
        card.append(element("h3", { id: "verdict-words-heading", textContent: "What to say" }), ...wordBlocks(verdict.words, "verdict-words"));
    }

    if (verdict.otherOption) {
        const other = element("div", { className: "other-option" }, [
            element("h3", { textContent: "The other option" }),
            element("p", { textContent: verdict.otherOption.line }),
        ]);
        if (verdict.otherOption.words.length > 0) {
            other.append(element("p", { textContent: "What you could say instead" }), ...wordBlocks(verdict.otherOption.words, "verdict-other-words"));
        }

        card.append(other);
    }

    card.append(status);
    card.append(element("p", { className: "notice not-saved", id: "verdict-not-saved", textContent: "Not saved yet: this check is kept on this device and will be saved to your history when you are back online." }));
    return card;
}

/** Gives the verdict here, from the checklist data and the engine kept for offline use, and keeps the finished check. */
export async function verdictHere(form, entry, showKept) {
    const [{ assess }, checklist] = await Promise.all([import("./verdict-engine.js"), checklistData(form.dataset.checklist)]);
    const { verdict } = assess(checklist, entry.answers);
    if (!verdict) {
        return false;
    }

    await keep({ ...entry, headline: verdict.headline });
    document.getElementById("verdict")?.remove();
    form.before(verdictCard(verdict, checklist.labels));
    import("./read-aloud.js").catch(() => { /* the words can still be read and copied */ });
    showKept();
    const headline = document.getElementById("verdict-headline");
    headline?.scrollIntoView({ block: "start" });
    headline?.focus({ preventScroll: true });
    return true;
}

