// Deterministic synthetic glossary entries for the large sizes: the same seed gives the same
// terms on every machine, so runs can be compared.
import { CATEGORIES, type Entry } from "../../src/glossary/schema.ts";
import type { MatcherEntry } from "../../src/matcher/types.ts";
import { prng } from "../lib/prng.ts";

const ONSETS = [
  "b",
  "d",
  "f",
  "g",
  "h",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "dr",
  "kr",
  "st",
  "th",
  "sh",
  "ch",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"];
const CODAS = ["", "", "", "n", "l", "r", "s", "m", "k"];

// Common news words, so lowercase concepts ("trade energy policy") also occur in real text
// and the matchers walk deeper than one character on ordinary pages.
const WORDS = (
  "market price policy trade energy climate bank rate tax law court state government public health water " +
  "food oil gas power security border data labor union money budget debt growth crisis war peace vote " +
  "party leader report plan deal fund risk share stock bond credit interest loan supply demand cost wage " +
  "job work school home city world national local global foreign domestic new old high low big small " +
  "first last long short open free fair green digital social economic political military federal central " +
  "carbon emission reform program system service industry company business sector network control rule " +
  "right power force support talks summit agency council committee office minister president official"
).split(" ");

const UPPER = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function word(r: Rand): string {
  const syllables = 2 + Math.floor(r() * 2);
  let w = "";
  for (let i = 0; i < syllables; i++)
    w += pick(r, ONSETS) + pick(r, VOWELS) + (i === syllables - 1 ? pick(r, CODAS) : "");
  return w[0].toUpperCase() + w.slice(1);
}

/** One new term: a capitalised name (70 %), a lowercase concept (20 %) or an acronym (10 %). */
function term(r: Rand): { form: string; short?: string; group: number } {
  const kind = r();
  if (kind < 0.7) {
    const words = Array.from({ length: 1 + Math.floor(r() * 3) }, () => word(r));
    const short = words.length > 1 && r() < 0.25 ? words[words.length - 1] : undefined;
    return { form: words.join(" "), short, group: Math.floor(r() * 3) }; // person, organization, place
  }
  if (kind < 0.9) {
    const n = 2 + Math.floor(r() * 2);
    return { form: Array.from({ length: n }, () => pick(r, WORDS)).join(" "), group: 5 }; // concept
  }
  const n = 3 + Math.floor(r() * 3);
  return { form: Array.from({ length: n }, () => pick(r, UPPER)).join(""), group: 1 }; // organization
}

/**
 * `count` entries whose forms are new: none repeats another synthetic form or one in
 * `taken` (case-folded), so every entry adds a form to the trie.
 */
export function syntheticEntries(count: number, seed: number, taken: Iterable<string>): MatcherEntry[] {
  const r = prng(seed);
  const seen = new Set([...taken].map((f) => f.toLowerCase()));
  const out: MatcherEntry[] = [];
  while (out.length < count) {
    const t = term(r);
    const key = t.form.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: `synthetic-${out.length}`,
      group: t.group,
      forms: [t.form],
      shortForms: t.short ? [t.short] : [],
      context: [],
    });
  }
  return out;
}

/** The same synthetic terms as whole glossary entries, to build an extension that ships them. */
export function syntheticGlossaryEntries(count: number, seed: number, taken: Iterable<string>): Entry[] {
  return syntheticEntries(count, seed, taken).map((e) => ({
    id: e.id,
    title: e.forms[0],
    category: CATEGORIES[e.group],
    forms: [...e.forms],
    shortForms: [...e.shortForms],
    context: [],
    summary: "A synthetic entry of the benchmark's large glossaries.",
    sources: [{ title: "Backstory bench", url: "https://example.org/backstory-bench" }],
    related: [],
  }));
}
