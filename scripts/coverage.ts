// npm run coverage -- <file.html …> [--json]: for glossary editors. Per page and in total, the
// entries explained, the entries underlined with the default settings (first mention in the
// article's text, household names quiet), and the capitalised names and acronyms with no entry
// yet, ranked by how many pages they appear on. Reads pages with jsdom and the content script's
// own reader, matcher, article region and mark policy.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Annotator } from "../src/content/annotator.ts";
import { findArticleRegion } from "../src/content/article-region.ts";
import type { Marker, Mention } from "../src/content/mention.ts";
import { TextBlockReader } from "../src/content/text-blocks.ts";
import { compileGlossary } from "../src/glossary/compile.ts";
import { validatePacks } from "../src/glossary/load.ts";
import { scanText } from "../src/matcher/scan.ts";
import { deserializeMatcher } from "../src/matcher/serialize.ts";
import { CATEGORIES } from "../src/shared/categories.ts";
import { findCandidates } from "./lib/candidates.ts";
import { namePartsOf, wordNamesOf } from "./lib/name-risk.ts";
import { prng } from "./lib/prng.ts";
import { readPacks } from "./lib/read-packs.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
// --sample N [--seed S]: also print N annotations drawn at random from all pages, with their
// context and card, for a reviewer's hand check (same seed, same sample).
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const sampleSize = option("--sample") ?? 0;
const sampleSeed = option("--seed") ?? 1;
const files = args.filter((a, i) => !a.startsWith("--") && !["--sample", "--seed"].includes(args[i - 1]));
if (!files.length) {
  console.error("Usage: npm run coverage -- <file.html …> [--json] [--sample N [--seed S]]");
  process.exit(2);
}

const { packs, errors } = validatePacks(readPacks());
if (errors.length) {
  console.error(`The glossary has problems; run npm run build for the list.`);
  process.exit(1);
}
const allEntries = packs.flatMap((p) => p.entries);
const compiled = compileGlossary(allEntries, [], wordNamesOf(allEntries), namePartsOf(packs));
const matcher = deserializeMatcher(compiled.matcher);
const PERSON = CATEGORIES.indexOf("person");
const household = new Set(compiled.household);
/** Counting only: nothing is drawn. */
const NO_MARKS: Marker = {
  render() {},
  update() {},
  mentionAt: () => null,
  mentionForFocus: () => null,
  setStyle() {},
  clear() {},
};
/** Every mention on every page, for --sample: page, the text around it, and the entry. */
const annotations: { page: string; text: string; context: string; entry: string; nested: string[] }[] = [];
const perPage: {
  page: string;
  found: string[];
  counts: Record<string, number>;
  underlined: string[];
  /** Underlines outside the article region (should be none where a region was found). */
  outside: number;
  article: boolean;
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
    (e) => matcher.entryGroup[e] !== PERSON,
  );
  const region = findArticleRegion(dom.window.document);
  annotator.setRegion(region);
  annotator.setPolicy({ mode: "first", known: () => false, quiet: (e) => household.has(e) });
  if (body) annotator.scan(body, () => true);
  for (const m of annotator.mentions) {
    const block = m.range.startContainer.parentElement?.closest("p,li,h1,h2,h3,h4,td,figcaption,div") ?? null;
    const whole = (block?.textContent ?? m.text).replace(/\s+/g, " ");
    const at = whole.indexOf(m.text);
    const context = at < 0 ? m.text : whole.slice(Math.max(0, at - 90), at + m.text.length + 90);
    annotations.push({
      page: basename(file),
      text: m.text,
      context,
      entry: matcher.entryIds[m.entry],
      nested: m.nested.map((e) => matcher.entryIds[e]),
    });
  }
  const marked: Mention[] = annotator.mentions.filter((m) => m.marked);
  const underlined = marked.map((m) => matcher.entryIds[m.entry]);
  const outside = region ? marked.filter((m) => !region.underlines(m.range.startContainer)).length : 0;
  const counts: Record<string, number> = {};
  for (const m of annotator.mentions) {
    for (const e of [m.entry, ...m.nested]) counts[matcher.entryIds[e]] = (counts[matcher.entryIds[e]] ?? 0) + 1;
  }
  // A term is known when the matcher finds a form in it ("President Yoon Suk Yeol").
  const isKnown = (term: string) => scanText(matcher, term).length > 0;
  const candidates = findCandidates(blocks.map((b) => b.text).join("\n"), isKnown).slice(0, 25);
  const found = Object.keys(counts).sort((a, b) => counts[b] - counts[a] || a.localeCompare(b));
  perPage.push({ page: basename(file), found, counts, underlined, outside, article: !!region, candidates });
  dom.window.close();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};
// Names with no entry, ranked by the number of pages they recur on (then by mentions).
const missing = new Map<string, { pages: number; count: number }>();
for (const p of perPage)
  for (const c of p.candidates) {
    const m = missing.get(c.term) ?? { pages: 0, count: 0 };
    m.pages++;
    m.count += c.count;
    missing.set(c.term, m);
  }
const ranked = [...missing]
  .sort((a, b) => b[1].pages - a[1].pages || b[1].count - a[1].count || a[0].localeCompare(b[0]))
  .slice(0, 50);

for (const p of perPage) {
  console.log(
    `\n${p.page}: ${p.found.length} entries explained, ${p.underlined.length} underlined${p.article ? "" : " (no article found: underlined anywhere)"}`,
  );
  console.log(`  explained: ${p.found.map((id) => `${id} ×${p.counts[id]}`).join(", ") || "(none)"}`);
  console.log(`  underlined: ${p.underlined.join(", ") || "(none)"}`);
  if (p.outside) console.log(`  underlined outside the article: ${p.outside}`);
  console.log(`  no entry yet: ${p.candidates.map((c) => `${c.term} ×${c.count}`).join(", ") || "(none)"}`);
}
console.log(
  `\nIn total: ${perPage.length} pages; entries explained per page, median ${median(perPage.map((p) => p.found.length))}; ` +
    `underlined per page, median ${median(perPage.map((p) => p.underlined.length))}; ` +
    `underlines outside the article: ${perPage.reduce((n, p) => n + p.outside, 0)}`,
);
console.log(
  `Recurring names with no entry (pages, mentions): ${ranked.map(([t, m]) => `${t} (${m.pages}, ${m.count})`).join(", ")}`,
);
if (sampleSize) {
  const random = prng(sampleSeed);
  const pool = [...annotations];
  const byId = new Map(allEntries.map((e) => [e.id, e]));
  console.log(`\nA sample of ${Math.min(sampleSize, pool.length)} of ${pool.length} annotations (seed ${sampleSeed}):`);
  for (let i = 0; i < sampleSize && pool.length; i++) {
    const [a] = pool.splice(Math.floor(random() * pool.length), 1);
    const e = byId.get(a.entry);
    console.log(
      JSON.stringify({
        n: i + 1,
        page: a.page,
        matched: a.text,
        context: a.context,
        entry: a.entry,
        title: e?.title,
        summary: e?.summary,
        nested: a.nested,
      }),
    );
  }
}
if (json) {
  console.log(
    JSON.stringify({
      pages: perPage.length,
      entries: compiled.entries.length,
      median_explained: median(perPage.map((p) => p.found.length)),
      median_underlined: median(perPage.map((p) => p.underlined.length)),
      per_page: perPage.map((p) => ({
        page: p.page,
        found: p.found,
        underlined: p.underlined,
        outside: p.outside,
        article: p.article,
        candidates: p.candidates.map((c) => c.term),
      })),
      missing: ranked.map(([term, m]) => ({ term, ...m })),
    }),
  );
}
