// The close-out page: each note is a textarea the person may edit. "Copy the note" copies what the textarea holds now,
// and "Open in mail app" follows the edits (its mailto: address is rewritten as the note changes). Without JavaScript
// the copy buttons stay hidden and the mail link carries the note as drafted; "I sent it" posts the edited text either way.
const copySelector = "button[data-copy-note]";

function mailto(form) {
    const link = form.querySelector("a[data-mailto]");
    const subject = form.querySelector("input[name=Subject]");
    const body = form.querySelector("textarea[name=Body]");
    if (!link || !body) {
        return;
    }

    const to = link.dataset.mailto ?? "";
    const query = new URLSearchParams();
    query.set("subject", subject?.value ?? "");
    query.set("body", body.value);
    link.href = `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}?${query.toString().replace(/\+/g, "%20")}`;
}

function reveal() {
    for (const button of document.querySelectorAll(copySelector)) {
        button.hidden = false;
    }
}

async function copy(button) {
    const form = button.closest("form");
    const body = form?.querySelector("textarea[name=Body]");
    const status = form?.querySelector("[role=status]");
    if (!body) {
        return;
    }

    let message = "Copied";
    try {
        await navigator.clipboard.writeText(body.value);
    } catch {
        body.select();
        message = "Selected: copy it with your device's copy command";
    }

    if (status) {
        status.textContent = "";
        window.setTimeout(() => { status.textContent = message; }, 50);
    }
}

document.addEventListener("input", (event) => {
    const form = event.target instanceof Element ? event.target.closest("form[data-close-out]") : null;
    if (form) {
        mailto(form);
    }
});

document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(copySelector) : null;
    if (button) {
        event.preventDefault();
        copy(button);
    }
});

reveal();
window.Blazor?.addEventListener?.("enhancedload", reveal);
