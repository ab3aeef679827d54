// The application page's "Share the summary": <button data-share-source="id" data-share-status="id" hidden> hands the
// text of the source element to the Web Share API where the browser has it, else copies it. Nothing is uploaded.
// Without JavaScript the button stays hidden and the summary is on the page to select and copy.
const selector = "button[data-share-source]";

function reveal() {
    for (const button of document.querySelectorAll(selector)) {
        button.hidden = false;
        if (!navigator.share) {
            button.textContent = "Copy the summary";
        }
    }
}

function announce(button, message) {
    const status = document.getElementById(button.dataset.shareStatus ?? "");
    if (status) {
        status.textContent = "";
        window.setTimeout(() => { status.textContent = message; }, 50);
    }
}

async function share(button) {
    const source = document.getElementById(button.dataset.shareSource ?? "");
    if (!source) {
        return;
    }

    const text = source.textContent.trim();
    if (navigator.share) {
        try {
            await navigator.share({ text });
            announce(button, "Shared");
            return;
        } catch (error) {
            if (error?.name === "AbortError") {
                return;
            }
        }
    }

    try {
        await navigator.clipboard.writeText(text);
        announce(button, "Copied");
    } catch {
        announce(button, "Select the summary above and copy it");
    }
}

document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(selector) : null;
    if (button) {
        event.preventDefault();
        share(button);
    }
});

reveal();
window.Blazor?.addEventListener?.("enhancedload", reveal);
