// npm run coverage -- <file.html …> [--json]: for glossary editors. Per page, the entries found
// (with counts) and the candidate terms with no entry yet (capitalised phrases and acronyms
// that recur). Reads pages with jsdom and the content script's own reader and matcher.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Annotator } from "../src/content/annotator.ts";
import type { Marker } from "../src/content/mention.ts";
import { TextBlockReader } from "../src/content/text-blocks.ts";
import { compileGlossary } from "../src/glossary/compile.ts";
import { validatePacks } from "../src/glossary/load.ts";
import { scanText } from "../src/matcher/scan.ts";
import { deserializeMatcher } from "../src/matcher/serialize.ts";
import { CATEGORIES } from "../src/shared/categories.ts";
import { findCandidates } from "./lib/candidates.ts";
import { readPacks } from "./lib/read-packs.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args.filter((a) => !a.startsWith("--"));
if (!files.length) {
  console.error("Usage: npm run coverage -- <file.html …> [--json]");
  process.exit(2);
}

const { packs, errors } = validatePacks(readPacks());
if (errors.length) {
  console.error(`The glossary has problems; run npm run build for the list.`);
  process.exit(1);
}
const compiled = compileGlossary(packs.flatMap((p) => p.entries));
const matcher = deserializeMatcher(compiled.matcher);
const PERSON = CATEGORIES.indexOf("person");
/** Counting only: nothing is drawn. */
const NO_MARKS: Marker = {
  mutatesDom: false,
  render() {},
  update() {},
  mentionAt: () => null,
  mentionForFocus: () => null,
  setStyle() {},
  clear() {},
};
const perPage: {
  page: string;
  found: string[];
  counts: Record<string, number>;
  candidates: { term: string; count: number }[];
}[] = [];

for (const file of files) {
  // Scripts do not run and nothing is fetched: jsdom only parses the saved page.
  const dom = new JSDOM(readFileSync(file, "utf8"), { virtualConsole: new VirtualConsole() });
  const body = dom.window.document.body;
  const blocks = body ? new TextBlockReader(body).read() : [];
  // The content script's own annotator (credits, legal footers and licensing included).
  const annotator = new Annotator(
    matcher,
    NO_MARKS,
    () => false,
    (e) => matcher.entryGroup[e] !== PERSON,
  );
  if (body) annotator.scan(body, () => true);
  const counts: Record<string, number> = {};
  for (const m of annotator.mentions) {
    for (const e of [m.entry, ...m.nested]) counts[matcher.entryIds[e]] = (counts[matcher.entryIds[e]] ?? 0) + 1;
  }
  // A term is known when the matcher finds a form in it ("President Yoon Suk Yeol").
  const isKnown = (term: string) => scanText(matcher, term).length > 0;
  const candidates = findCandidates(blocks.map((b) => b.text).join("\n"), isKnown).slice(0, 25);
  const found = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
  perPage.push({ page: basename(file), found, counts, candidates });
  dom.window.close();
}

for (const p of perPage) {
  console.log(`\n${p.page}: ${p.found.length} entries`);
  console.log(`  found: ${p.found.map((id) => `${id} ×${p.counts[id]}`).join(", ") || "(none)"}`);
  console.log(`  no entry yet: ${p.candidates.map((c) => `${c.term} ×${c.count}`).join(", ") || "(none)"}`);
}
if (json) {
  console.log(
    JSON.stringify({
      pages: perPage.length,
      entries: compiled.entries.length,
      per_page: perPage.map((p) => ({ page: p.page, found: p.found, candidates: p.candidates.map((c) => c.term) })),
    }),
  );
}
