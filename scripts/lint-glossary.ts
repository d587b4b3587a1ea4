// npm run glossary:lint [-- --list]: validates and lints the bundled glossary and prints every
// problem (file, entry, field); exit 1 on any. The build runs the same checks. Also counts the
// ambiguous names (forms shared by two or more entries; one-word names that are everyday words
// or first names) and, with --list, lists them with the rule that decides each.
import { sharedForms, wordNameForms } from "../src/glossary/ambiguity.ts";
import { lintBundledGlossary } from "./lib/lint-bundled.ts";
import { wordNamesOf } from "./lib/name-risk.ts";

const { count, packs, problems, loaded } = lintBundledGlossary();
for (const problem of problems) console.error(problem);
const entries = loaded.flatMap((p) => p.entries);
const shared = sharedForms(entries);
const words = wordNameForms(entries, wordNamesOf(entries));
console.log(`${packs} packs, ${count} entries, ${problems.length} problems`);
console.log(
  `${shared.length} forms shared by two or more entries (rule: the page decides, else unmarked); ` +
    `${words.length} word names (rule: as written; at a sentence start only where licensed)`,
);
if (process.argv.includes("--list")) {
  for (const s of shared) console.log(`shared\t${s.form}\t${s.entries.join(", ")}`);
  for (const w of words) console.log(`word\t${w.form}\t${w.entry}${w.short ? " (short form)" : ""}`);
}
process.exit(problems.length ? 1 : 0);
