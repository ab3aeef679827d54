// Copy buttons: <button data-copy-target="id" data-copy-status="id" hidden> copies the text of the target
// and announces the result in the status element (an aria-live region). Without JavaScript the buttons stay hidden.
const selector = "button[data-copy-target]";

function reveal() {
    for (const button of document.querySelectorAll(selector)) {
        button.hidden = false;
    }
}

function announce(button, message) {
    const status = document.getElementById(button.dataset.copyStatus ?? "");
    if (status) {
        status.textContent = "";
        // A fresh text node makes screen readers announce a repeated message again.
        window.setTimeout(() => { status.textContent = message; }, 50);
    }
}

function selectText(element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
}

async function copy(button) {
    const target = document.getElementById(button.dataset.copyTarget ?? "");
    if (!target) {
        return;
    }

    const text = target.innerText.trim();
    try {
        await navigator.clipboard.writeText(text);
        announce(button, "Copied");
    } catch {
        selectText(target);
        announce(button, "Selected: copy it with your device's copy command");
    }
}

document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(selector) : null;
    if (button) {
        event.preventDefault();
        copy(button);
    }
});

reveal();
// Enhanced navigation and enhanced forms patch the page without reloading this module.
window.Blazor?.addEventListener?.("enhancedload", reveal);
// A card drawn in the browser (js/card-filler.js) has its buttons hidden too.
document.addEventListener("interviewcompass:drawn", reveal);
