// Share buttons through the Web Share API (a phone's messaging and mail apps):
// <button data-share-text="id" data-share-title="id" data-share-status="id" hidden> shares the current value
// (or text) of the elements named. Shown only where the browser has navigator.share; elsewhere Copy,
// Open in mail app and Download remain.
const selector = "button[data-share-text]";

function valueOf(id) {
    const element = id ? document.getElementById(id) : null;
    if (!element) {
        return "";
    }
    return "value" in element ? element.value : element.textContent ?? "";
}

function say(button, message) {
    const status = document.getElementById(button.dataset.shareStatus ?? "");
    if (status) {
        status.textContent = message;
    }
}

async function share(button) {
    const data = { text: valueOf(button.dataset.shareText) };
    const title = valueOf(button.dataset.shareTitle);
    if (title) {
        data.title = title;
    }
    try {
        await navigator.share(data);
        say(button, "Shared.");
    } catch (error) {
        // The person closing the share sheet is not a failure worth a message.
        if (error?.name !== "AbortError") {
            say(button, "Could not share from this browser; copy the text instead.");
        }
    }
}

function reveal() {
    if (typeof navigator.share !== "function") {
        return;
    }
    for (const button of document.querySelectorAll(selector)) {
        button.hidden = false;
    }
}

document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(selector) : null;
    if (button) {
        share(button);
    }
});
reveal();
window.Blazor?.addEventListener?.("enhancedload", reveal);
