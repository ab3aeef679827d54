// What the verdict card shows, as the fields of Features/Checks/VerdictCard.razor's template (filled by
// js/card-filler.js): the same choices the server makes in VerdictCard, ConfidenceWording, AnswerLabels and
// DraftLinks/DraftSuggestions (InterviewCompass.Core/Messages), from the checklist data (GET /api/v1/checklists/{id}).
// Held equal to the server's card for every outcome of every checklist by
// tests/InterviewCompass.EndToEnd/Features/Checks/VerdictCardTests.cs.

const recruiterSituation = "recruiter";
const recruiterNoteKind = "recruiter-note";

/** The composer prefilled for a suggestion, as Shared/AppLinks.NewDraft writes it (kind, situation, checklist, outcome, session). */
function draftHref(kind, situation, checklist, outcome, session) {
    const query = [["kind", kind], ["situation", situation], ["checklist", checklist], ["outcome", outcome], ["session", session]]
        .filter(([, value]) => value)
        .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    return `/drafts/new?${query.join("&")}`;
}

/** DraftSuggestions.For: the outcome's message in the situation of the most serious reason that has one, then a recruiter note. */
function suggestions(checklist, verdict, answers) {
    const kind = checklist.outcomes.find((o) => o.id === verdict.outcome)?.message;
    if (!kind) {
        return [];
    }
    const items = new Map(checklist.items.map((i) => [i.id, i]));
    const situation = verdict.reasons.map((r) => items.get(r.item)?.situation).find((s) => s && s !== recruiterSituation) ?? null;
    const list = [{ kind, situation }];
    const recruiter = checklist.items.some((i) => i.situation === recruiterSituation && answers[i.id] === "yes");
    if (recruiter && kind !== recruiterNoteKind) {
        list.push({ kind: recruiterNoteKind, situation: null });
    }
    return list;
}

/** Words blocks as Features/Checks/VerdictWords.razor names them (VerdictWording): id, label, copy, speak, lines. */
function blocks(words, prefix) {
    return words.map((block, index) => ({
        id: index === 0 ? prefix : `${prefix}-${index + 1}`,
        label: block.for ? `For ${block.for}` : "",
        copy: block.for ? `Copy the words for ${block.for}` : "Copy the words",
        speak: block.for ? ` for ${block.for}` : "",
        lines: block.lines,
    }));
}

/**
 * The card's fields for a verdict of js/verdict-engine.js.
 * @param kindTitles message kind id -> its title (the template's data-kind-titles)
 * @param session the session id the verdict is kept under (32 hex digits), passed on to the composer
 */
export function verdictView(checklist, verdict, answers, kindTitles, session) {
    const labels = checklist.labels;
    const confidence = labels.confidence.find((band) => verdict.confidence >= band.atLeast) ?? labels.confidence.at(-1);
    const drafts = suggestions(checklist, verdict, answers).map((s, index) => ({
        href: draftHref(s.kind, s.situation, checklist.id, verdict.outcome, session),
        label: kindTitles[s.kind] ?? s.kind,
        first: index === 0,
        also: index > 0,
    }));
    return {
        outcome: verdict.outcome,
        headline: verdict.headline,
        confidence: confidence.text,
        explanation: verdict.explanation,
        words: blocks(verdict.words, "verdict-words"),
        reasons: verdict.reasons.map((r) => ({ text: r.text, guide: r.guide, answer: labels.answers[r.answer] ?? r.answer, note: r.note })),
        other: verdict.otherOption
            ? {
                outcome: verdict.otherOption.outcome,
                line: verdict.otherOption.line,
                words: blocks(verdict.otherOption.words, "verdict-other-words"),
            }
            : null,
        drafts,
    };
}
