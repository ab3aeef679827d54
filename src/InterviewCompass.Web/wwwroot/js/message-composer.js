// Fills a message template in the browser the way the server's MessageComposer (InterviewCompass.Core/Messages) does,
// from the templates GET /api/v1/messages serves (kept by the service worker), so the composer works with no
// connection. No template, field or wording is written here: they all come from that data, which comes from content/.
//
// The semantics mirrored: fields are trimmed to one line (whitespace runs become one space, none before punctuation);
// a placeholder with no value stays visible when the field is required and vanishes when it is optional; a body line
// whose only placeholders are optional and empty is dropped; at most one blank line between paragraphs, none at the
// start or end; an optional {reason} on a line of its own reads as a sentence; a spoken kind has no subject.

const placeholder = /\{([a-z][a-z0-9-]*)\}/g;
const blank = /[\s\p{Cc}]/u;
const punctuation = new Set([",", ".", "!", "?", ";", ":"]);
const reasonField = "reason";

/** C#'s NormaliseLine: collapses whitespace and control characters, with no space before punctuation. */
function normaliseLine(text) {
    let out = "";
    let pendingSpace = false;
    for (const c of text) {
        if (blank.test(c)) {
            pendingSpace = out.length > 0;
            continue;
        }
        if (pendingSpace && !punctuation.has(c)) {
            out += " ";
        }
        pendingSpace = false;
        out += c;
    }
    return out;
}

function cleanFields(fields) {
    const clean = new Map();
    for (const [key, value] of Object.entries(fields ?? {})) {
        const text = normaliseLine(value ?? "");
        if (key && text.length > 0) {
            clean.set(key.trim().toLowerCase(), text);
        }
    }
    return clean;
}

function asSentence(reason, line, index, length) {
    const startsLine = line.slice(0, index).trim() === "";
    const endsLine = line.slice(index + length).trim() === "";
    if (!startsLine) {
        return reason;
    }
    // One character for one, as C#'s char.ToUpperInvariant ("ß" stays "ß").
    const upper = reason[0].toUpperCase();
    const sentence = (upper.length === 1 ? upper : reason[0]) + reason.slice(1);
    return endsLine && !".!?".includes(sentence[sentence.length - 1]) ? `${sentence}.` : sentence;
}

function fill(text, fields, optional) {
    return text.replace(placeholder, (match, name, index) => {
        if (!fields.has(name)) {
            return optional.has(name) ? "" : match;
        }
        const value = fields.get(name);
        return name === reasonField ? asSentence(value, text, index, match.length) : value;
    });
}

function droppable(line, fields, optional) {
    const names = [...line.matchAll(placeholder)].map((m) => m[1]);
    return names.length > 0 && names.every((name) => optional.has(name) && !fields.has(name));
}

function fillBody(body, fields, optional) {
    const lines = [];
    for (const raw of body.replace(/\r\n|\r/g, "\n").split("\n")) {
        if (droppable(raw, fields, optional)) {
            continue;
        }
        const line = normaliseLine(fill(raw, fields, optional));
        if (line.length === 0 && (lines.length === 0 || lines[lines.length - 1].length === 0)) {
            continue;
        }
        lines.push(line);
    }
    while (lines.length > 0 && lines[lines.length - 1].length === 0) {
        lines.pop();
    }
    return lines.join("\n");
}

/**
 * The message for { kind, tone, situation, fields } from the catalog GET /api/v1/messages returns:
 * { subject, body }, or { error } naming what is unknown (as the server's problem would).
 */
export function compose(catalog, request) {
    const kind = catalog.kinds.find((k) => k.id === request.kind);
    if (!kind) {
        return { error: `Unknown message kind '${request.kind}'.` };
    }
    if (!kind.tones.includes(request.tone)) {
        return { error: `Unknown tone '${request.tone}' for '${kind.id}'. Tones: ${kind.tones.join(", ")}.` };
    }
    let situation = null;
    if (kind.situations.length > 0) {
        const ids = kind.situations.map((s) => s.id);
        if (!request.situation || request.situation.trim() === "") {
            return { error: `'${kind.id}' needs a situation: ${ids.join(", ")}.` };
        }
        if (!ids.includes(request.situation)) {
            return { error: `Unknown situation '${request.situation}' for '${kind.id}'. Situations: ${ids.join(", ")}.` };
        }
        situation = request.situation;
    }
    const template = kind.templates.find((t) => t.tone === request.tone && (t.situation ?? null) === situation);
    if (!template) {
        return { error: `'${kind.id}' has no template for tone '${request.tone}'.` };
    }
    const optional = new Set(catalog.fields.filter((f) => f.optional).map((f) => f.id));
    const fields = cleanFields(request.fields);
    return {
        subject: kind.spoken ? "" : normaliseLine(fill(template.subject, fields, optional)),
        body: fillBody(template.body, fields, optional),
    };
}

/** The placeholders of a text that these fields fill, filled (the rest of the text, and any other placeholder, as it is). */
export function fillKnown(text, fields) {
    const clean = cleanFields(fields);
    return text.split("\n").map((line) => fill(line, clean, new Set())).join("\n");
}
