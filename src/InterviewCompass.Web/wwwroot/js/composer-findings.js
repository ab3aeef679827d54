// The composer's findings (Features/Drafts/DraftFindings.razor): the text checked against the guidance by the server
// (POST /api/v1/messages/lint, after a pause in typing). Only the findings region is ever redrawn; with no connection it
// says the findings wait for one.
import { postJson } from "./json-client.js";

const lintAfterMs = 300;

function capitalised(word) {
    return word ? word[0].toUpperCase() + word.slice(1) : "";
}

/** Findings for the composer's kind and text; returns lintSoon(wait?). */
export function findingsFor(findings, kind, body) {
    let timer = 0;
    let run = 0;
    let drawn = "";

    function wait() {
        drawn = "";
        const summary = findings.querySelector("#findings-summary");
        const text = findings.dataset.summaryOffline;
        if (text && summary.textContent !== text) {
            summary.textContent = text;
        }
        findings.querySelector("#findings-list").hidden = true;
    }

    function draw(list) {
        const json = JSON.stringify(list);
        if (json === drawn) {
            return;
        }
        drawn = json;
        const words = findings.dataset;
        const titles = JSON.parse(words.guideTitles || "{}");
        const summary = findings.querySelector("#findings-summary");
        const text = list.length === 0 ? words.summaryNone
            : list.length === 1 ? words.summaryOne
            : words.summaryMany.replace("{n}", String(list.length));
        if (summary.textContent !== text) {
            summary.textContent = text;
        }
        const ul = findings.querySelector("#findings-list");
        const template = findings.querySelector("#finding-template");
        const items = list.map((finding) => {
            const item = template.content.firstElementChild.cloneNode(true);
            item.classList.add(finding.severity);
            item.dataset.rule = finding.rule;
            item.querySelector(".severity").textContent = words["severity" + capitalised(finding.severity)] ?? words.severityInfo;
            item.querySelector(".message .text").textContent = finding.message;
            const excerpt = item.querySelector(".excerpt");
            excerpt.querySelector("q").textContent = finding.excerpt ?? "";
            excerpt.hidden = !finding.excerpt?.trim();
            item.querySelector(".fix .text").textContent = finding.fix;
            const link = item.querySelector(".guide a");
            link.setAttribute("href", finding.guide);
            link.textContent = titles[finding.guide] ?? "Why: the guidance";
            return item;
        });
        ul.replaceChildren(...items);
        ul.hidden = items.length === 0;
    }

    async function lint() {
        const mine = ++run;
        let answer;
        try {
            answer = await postJson("/api/v1/messages/lint", { kind: kind.value, text: body.value });
        } catch {
            if (mine === run) {
                wait();
            }
            return;
        }
        if (mine === run && answer.ok) {
            draw(answer.body?.findings ?? []);
        }
    }

    return function lintSoon(delay = lintAfterMs) {
        window.clearTimeout(timer);
        timer = window.setTimeout(lint, delay);
    };
}
