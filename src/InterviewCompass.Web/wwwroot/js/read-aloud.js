// "Read aloud" buttons: <button data-speak-target="id" hidden> reads the target's text with the browser's own speech
// synthesis (nothing is sent anywhere), so a person can hear the words once before saying them. Pressed again while
// speaking, it stops. Without JavaScript, or without speech synthesis, the buttons stay hidden.
const selector = "button[data-speak-target]";

function reveal() {
    if (!("speechSynthesis" in window)) {
        return;
    }

    for (const button of document.querySelectorAll(selector)) {
        button.hidden = false;
    }
}

function speak(button) {
    const synthesis = window.speechSynthesis;
    if (synthesis.speaking) {
        synthesis.cancel();
        button.setAttribute("aria-pressed", "false");
        return;
    }

    const target = document.getElementById(button.dataset.speakTarget ?? "");
    const text = target?.innerText.trim();
    if (!text) {
        return;
    }

    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || "en";
    utterance.rate = 0.95;
    utterance.onend = () => button.setAttribute("aria-pressed", "false");
    utterance.onerror = utterance.onend;
    button.setAttribute("aria-pressed", "true");
    synthesis.speak(utterance);
}

document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest(selector) : null;
    if (button && "speechSynthesis" in window) {
        event.preventDefault();
        speak(button);
    }
});

reveal();
window.Blazor?.addEventListener?.("enhancedload", reveal);
// A card drawn in the browser (js/card-filler.js) has its buttons hidden too.
document.addEventListener("interviewcompass:drawn", reveal);
