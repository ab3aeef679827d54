// Fills a copy of a <template> the server rendered (e.g. the verdict card, Features/Checks/VerdictCard.razor with
// Template="true") from a plain object, so a card drawn in the browser is the server's own markup: no card is written
// twice. The template's data-* attributes say what goes where (the server renders the same attributes on its card):
//   data-text="field"          the element's text ("." is the item itself, in a list of strings)
//   data-set="attr:field ..."  attributes
//   data-each="field"          the element is repeated once per item of the list, each filled from its item
//   data-if="field"            the element is left out when the field is empty (false, null, "", [])
//   data-mark="field"          an outcome mark (Shared/OutcomeMark.razor): its shape is taken from <template id="outcome-marks">
// Fields may be paths ("other.line").

function valueOf(view, path) {
    if (path === ".") {
        return view;
    }
    return path.split(".").reduce((value, part) => (value === null || value === undefined ? undefined : value[part]), view);
}

function empty(value) {
    return value === undefined || value === null || value === false || value === "" || (Array.isArray(value) && value.length === 0);
}

function markFor(outcome, small) {
    const marks = document.getElementById("outcome-marks");
    const selector = `.outcome-mark[data-outcome="${CSS.escape(outcome ?? "")}"]${small ? ".small" : ":not(.small)"}`;
    return marks?.content.querySelector(selector) ?? null;
}

/** Fills the element itself (text, attributes, mark), then its children. */
function fillElement(element, view) {
    const data = element.dataset;
    if (data.text !== undefined) {
        element.textContent = String(valueOf(view, data.text) ?? "");
    }
    if (data.set) {
        for (const pair of data.set.split(/\s+/)) {
            const [attribute, field] = pair.split(":");
            const value = valueOf(view, field);
            if (empty(value)) {
                element.removeAttribute(attribute);
            } else {
                element.setAttribute(attribute, String(value));
            }
        }
    }
    if (data.mark !== undefined) {
        const outcome = valueOf(view, data.mark);
        const mark = markFor(outcome, element.classList.contains("small"));
        if (mark) {
            element.replaceChildren(...[...mark.childNodes].map((node) => node.cloneNode(true)));
        }
        element.dataset.outcome = outcome ?? "";
    }
    fillChildren(element, view);
}

function fillChildren(parent, view) {
    for (const child of [...parent.children]) {
        fillNode(child, view);
    }
}

function fillNode(element, view) {
    if (element.dataset.if !== undefined && empty(valueOf(view, element.dataset.if))) {
        element.remove();
        return;
    }
    if (element.dataset.each !== undefined) {
        const items = valueOf(view, element.dataset.each) ?? [];
        for (const item of items) {
            const copy = element.cloneNode(true);
            element.before(copy);
            // The item's own data-if (first, also) is read from the item.
            if (copy.dataset.if !== undefined && empty(valueOf(item, copy.dataset.if))) {
                copy.remove();
                continue;
            }
            fillElement(copy, item);
        }
        element.remove();
        return;
    }
    fillElement(element, view);
}

/**
 * A filled copy of the template with this id, as a DocumentFragment (or null when the page has no such template).
 * Tells the page's modules (Copy, Read aloud) that new parts are drawn.
 */
export function fill(templateId, view) {
    const template = document.getElementById(templateId);
    if (!(template instanceof HTMLTemplateElement)) {
        return null;
    }
    const fragment = template.content.cloneNode(true);
    fillChildren(fragment, view);
    return fragment;
}

/** Says that a card was drawn: js/copy.js and js/read-aloud.js reveal its buttons. */
export function drawn() {
    document.dispatchEvent(new Event("interviewcompass:drawn"));
}
