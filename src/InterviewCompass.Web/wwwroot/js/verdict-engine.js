// The verdict engine, in the browser: the same semantics as src/InterviewCompass.Core/Rules/VerdictEngine.cs, so a
// check gives the same verdict offline as online. Every rule comes from the checklist data the server sends
// (GET /api/v1/checklists/{id}: effects, weights, thresholds, rules, scripts, outcomes, tiers); nothing about any
// particular checklist is written here. tests/InterviewCompass.EndToEnd/Features/Checks/VerdictConformanceTests.cs
// holds the two engines equal on every scenario table and thousands of random answer sets.

const yes = "yes";
const unsure = "unsure";
/** Not an answer a person gives: marks a reason whose item was left blank (Answers.Unanswered). */
const unanswered = "unanswered";

/** The floor on confidence when a definite answer on an item that decided the verdict is given (VerdictEngine). */
const decisiveConfidence = 0.8;

function ordinal(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** .NET's Math.Round(value, 2): scale, round half to even, scale back. */
function round2(value) {
    const scaled = value * 100;
    const floor = Math.floor(scaled);
    const diff = scaled - floor;
    const rounded = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : (floor % 2 === 0 ? floor : floor + 1);
    return rounded / 100;
}

function check(checklist, answers, items) {
    const errors = [];
    for (const itemId of Object.keys(answers).sort(ordinal)) {
        const value = answers[itemId];
        const item = items.get(itemId);
        if (!item) {
            errors.push({ item: itemId, problem: `Unknown item '${itemId}' in checklist '${checklist.id}' (answer '${value ?? "null"}').` });
        } else if (value === null || value === undefined) {
            errors.push({ item: itemId, problem: `Item '${itemId}' has no answer value; it takes ${item.allowedAnswers.join(", ")}.` });
        } else if (!item.allowedAnswers.includes(value)) {
            errors.push({ item: itemId, problem: `Item '${itemId}' does not take the answer '${value}'; it takes ${item.allowedAnswers.join(", ")}.` });
        }
    }

    return errors;
}

function holds(condition, given) {
    return given.has(condition.item) && condition.anyOf.includes(given.get(condition.item));
}

function ruleHolds(rule, given) {
    return rule.all.every((c) => holds(c, given)) && !rule.none.some((c) => holds(c, given));
}

function propose(checklist, given) {
    const byEffect = [];
    let score = 0;
    for (const item of checklist.items) {
        if (!given.has(item.id)) {
            continue;
        }

        const answer = given.get(item.id);
        if (Object.hasOwn(item.effects, answer)) {
            byEffect.push({ item, outcome: item.effects[answer] });
        }

        if (answer === yes) {
            score += item.weight;
        }
    }

    let threshold = null;
    for (const candidate of checklist.thresholds) {
        if (candidate.atLeast <= score && (threshold === null || candidate.atLeast > threshold.atLeast)) {
            threshold = candidate;
        }
    }

    const rules = checklist.rules.filter((r) => ruleHolds(r, given));
    return { byEffect, threshold, rules };
}

function pickWinner(checklist, proposals) {
    const proposed = new Set([checklist.defaultOutcome]);
    for (const p of proposals.byEffect) {
        proposed.add(p.outcome);
    }

    if (proposals.threshold) {
        proposed.add(proposals.threshold.outcome);
    }

    for (const r of proposals.rules) {
        proposed.add(r.outcome);
    }

    let winner = null;
    for (const outcome of checklist.outcomes) {
        if (proposed.has(outcome.id) && (winner === null || outcome.rank > winner.rank)) {
            winner = outcome;
        }
    }

    if (winner === null) {
        throw new Error(`Checklist '${checklist.id}' proposes no outcome it defines.`);
    }

    return winner;
}

function reasonsFor(checklist, given, proposals, winner) {
    const causes = new Set();
    for (const p of proposals.byEffect) {
        if (p.outcome === winner) {
            causes.add(p.item.id);
        }
    }

    if (proposals.threshold?.outcome === winner) {
        for (const item of checklist.items) {
            if (item.weight > 0 && given.get(item.id) === yes) {
                causes.add(item.id);
            }
        }
    }

    for (const rule of proposals.rules) {
        if (rule.outcome === winner) {
            for (const c of rule.all) {
                causes.add(c.item);
            }
        }
    }

    // A default that nothing proposed still says why: the closest rule to a stronger verdict names the items that
    // keep it from holding.
    if (causes.size === 0 && winner === checklist.defaultOutcome) {
        for (const item of unmetConditionsOfClosestRule(checklist, given, winner)) {
            causes.add(item);
        }
    }

    const tierRank = (tier) => checklist.tiers.indexOf(tier);
    return checklist.items
        .map((item, order) => ({ item, order }))
        .filter((x) => causes.has(x.item.id))
        .sort((a, b) => (tierRank(a.item.tier) - tierRank(b.item.tier)) || (a.order - b.order))
        .map(({ item }) => reasonOf(item, given.has(item.id) ? given.get(item.id) : unanswered));
}

function reasonOf(item, answer) {
    const notes = item.notes ?? {};
    return {
        item: item.id,
        text: item.prompt,
        answer,
        tier: item.tier,
        guide: item.guide,
        why: item.why,
        note: Object.hasOwn(notes, answer) ? notes[answer] : item.why,
    };
}

/** Items answered "not sure" that are not already reasons, in checklist order: named with what it would take to be sure. */
function unsureBesides(checklist, given, causes) {
    return checklist.items
        .filter((item) => given.get(item.id) === unsure && !causes.some((c) => c.item === item.id))
        .map((item) => reasonOf(item, unsure));
}

function rankOf(checklist, outcomeId) {
    return checklist.outcomes.find((o) => o.id === outcomeId)?.rank ?? 0;
}

function unmetConditionsOfClosestRule(checklist, given, winner) {
    const winnerRank = rankOf(checklist, winner);
    let closest = null;
    for (const rule of checklist.rules) {
        if (rankOf(checklist, rule.outcome) <= winnerRank) {
            continue;
        }

        const unmet = [...new Set([
            ...rule.all.filter((c) => !holds(c, given)).map((c) => c.item),
            ...rule.none.filter((c) => holds(c, given)).map((c) => c.item),
        ])];
        if (closest === null || unmet.length < closest.length) {
            closest = unmet;
        }
    }

    return closest ?? [];
}

/** The main reason's own line for the set-aside option when it has one, else the outcome's. */
function otherOptionFor(checklist, items, winner, reasons) {
    const option = winner.otherOption;
    if (!option) {
        return null;
    }

    let line = option.line;
    for (const reason of reasons) {
        const lines = items.get(reason.item)?.otherOptions ?? {};
        if (Object.hasOwn(lines, winner.id)) {
            line = lines[winner.id];
            break;
        }
    }

    const other = checklist.outcomes.find((o) => o.id === option.outcome);
    const words = other ? wordsFor(items, other, reasons) : [];
    return { outcome: option.outcome, headline: other?.headline ?? option.outcome, line, words };
}

/**
 * The outcome's words (for its wordsFor person), then each reason's script for the outcome, in a block for the person
 * the item's scripts are for (scriptsFor, else the outcome's); each line once, blocks in order of first appearance.
 */
function wordsFor(items, outcome, reasons) {
    const scripts = [];
    for (const reason of reasons) {
        const item = items.get(reason.item);
        const own = item?.scripts ?? {};
        if (Object.hasOwn(own, outcome.id) && !scripts.some((s) => s.line === own[outcome.id])) {
            scripts.push({ for: item.scriptsFor ?? outcome.wordsFor, line: own[outcome.id] });
        }
    }

    // A reason's own line replaces the outcome's when they would say the same thing twice (scriptsReplaceWords).
    const replaced = outcome.scriptsReplaceWords && scripts.some((s) => s.for === outcome.wordsFor);
    const lines = replaced ? [] : outcome.words.map((line) => ({ for: outcome.wordsFor, line }));
    for (const script of scripts) {
        if (!lines.some((l) => l.line === script.line)) {
            lines.push(script);
        }
    }

    const blocks = [];
    for (const { for: person, line } of lines) {
        const block = blocks.find((b) => b.for === person);
        if (block) {
            block.lines.push(line);
        } else {
            blocks.push({ for: person, lines: [line] });
        }
    }

    return blocks;
}

function confidenceFor(checklist, given, reasons) {
    if (checklist.items.length === 0) {
        return 1;
    }

    let answered = 0;
    for (const item of checklist.items) {
        if (given.has(item.id)) {
            answered += given.get(item.id) === unsure ? 0.5 : 1;
        }
    }

    let confidence = answered / checklist.items.length;

    // "Answer what you can": a definite answer on an item that decided the verdict is enough to be sure of it.
    const decisive = reasons.some((r) => r.answer !== unsure && r.answer !== unanswered);
    if (decisive) {
        confidence = Math.max(confidence, decisiveConfidence);
    }

    return round2(confidence);
}

/**
 * Answers (item id -> value; unanswered items left out) in, { verdict, errors } out, shaped like
 * the engine's Verdict: { checklist, outcome, headline, explanation, confidence, reasons (each with its note), words
 * (blocks: [{ for, lines }]), otherOption ({ outcome, headline, line, words }) }.
 */
export function assess(checklist, answers) {
    const items = new Map(checklist.items.map((i) => [i.id, i]));
    const errors = check(checklist, answers ?? {}, items);
    if (errors.length > 0) {
        return { verdict: null, errors };
    }

    const given = new Map(Object.entries(answers ?? {}));
    const proposals = propose(checklist, given);
    const winner = pickWinner(checklist, proposals);
    const causes = reasonsFor(checklist, given, proposals, winner.id);
    const words = wordsFor(items, winner, causes);
    const confidence = confidenceFor(checklist, given, causes);
    const reasons = [...causes, ...unsureBesides(checklist, given, causes)];
    return {
        verdict: {
            checklist: checklist.id,
            outcome: winner.id,
            headline: winner.headline,
            explanation: winner.explanation,
            confidence,
            reasons,
            words,
            otherOption: otherOptionFor(checklist, items, winner, causes),
        },
        errors: [],
    };
}
