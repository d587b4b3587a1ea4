// Validates the bundled glossary and prints every problem (file, entry, field). Exit 1 on any.
import { validatePacks } from "../src/glossary/load.ts";
import { readPacks } from "./lib/read-packs.ts";

const { packs, errors } = validatePacks(readPacks());
for (const error of errors) console.error(error);
const count = packs.reduce((n, p) => n + p.entries.length, 0);
console.log(`${packs.length} packs, ${count} entries, ${errors.length} problems`);
process.exit(errors.length ? 1 : 0);
