// Validates and lints the bundled glossary and prints every problem (file, entry, field).
// Exit 1 on any. The build runs the same checks.
import { lintBundledGlossary } from "./lib/lint-bundled.ts";

const { count, packs, problems } = lintBundledGlossary();
for (const problem of problems) console.error(problem);
console.log(`${packs} packs, ${count} entries, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
