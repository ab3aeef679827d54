// "Delete everything" (Features/History/DeleteEverything.razor) on this device: before the person confirms, the work
// this device has not saved yet (the outbox, js/outbox.js) is listed, so it is seen before it is discarded; on confirm,
// the outbox and anything the composer kept are cleared here first (the server's Clear-Site-Data header is not honoured
// by every browser), so nothing is ever sent again under a new owner.
const sectionId = "unsaved-here";
const confirming = new WeakSet();

async function showUnsaved() {
    const section = document.getElementById(sectionId);
    if (!section) {
        return;
    }
    const [{ all }, { unsavedList }] = await Promise.all([import("./outbox.js"), import("./unsaved-list.js")]);
    const entries = await all().catch(() => []);
    if (entries.length === 0) {
        section.hidden = true;
        return;
    }
    const { list } = unsavedList(entries);
    list.id = `${sectionId}-list`;
    document.getElementById(`${sectionId}-list`)?.remove();
    section.append(list);
    section.hidden = false;
}

function forgetLegacy() {
    try {
        for (const key of Object.keys(window.localStorage)) {
            // The composer's old copies, and the copy of dated applications js/due-now.js draws "Due now" from.
            if (key.startsWith("ic-composer:") || key === "ic-reminders") {
                window.localStorage.removeItem(key);
            }
        }
    } catch {
        // Storage refused: nothing was kept there.
    }
}

async function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form[data-delete-everything]") || confirming.has(form)) {
        return;
    }
    event.preventDefault();
    const submitter = event.submitter;
    try {
        await (await import("./outbox.js")).clear();
    } catch {
        // No outbox on this device.
    }
    forgetLegacy();
    confirming.add(form);
    form.requestSubmit(submitter ?? undefined);
}

document.addEventListener("submit", onSubmit, { capture: true });
document.addEventListener("interviewcompass:outbox", showUnsaved);
window.Blazor?.addEventListener?.("enhancedload", showUnsaved);
showUnsaved();
