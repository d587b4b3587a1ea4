import { compileMatcher } from "../matcher/compile.ts";
import { type MatcherBytes, serializeMatcher } from "../matcher/serialize.ts";
import { CATEGORIES, type Category, type Entry } from "./schema.ts";

/** The glossary as shipped in the extension: entries for cards, and the compiled matcher. */
export interface CompiledGlossary {
  format: 1;
  /** Matcher groups are indices into this list. */
  categories: readonly Category[];
  entries: Entry[];
  matcher: MatcherBytes;
  /** Indices (into entries and the matcher) of household names, ascending. */
  household: number[];
  /**
   * Which country each country-bound entry stands for on a page, as pairs [entry, country]:
   * a country itself and the holders of its offices (issue 13: whose "the prime minister" a
   * page means is judged by how much it names each country).
   */
  countryOf: number[];
  /** Each office and its country, as pairs [office, country]. */
  officeOf: number[];
  /** Forms that are also everyday words or first names (see MatcherEntry.wordNames), sorted. */
  wordNames: string[];
  /** One-word place names often part of a longer name (see MatcherEntry.nameParts), sorted. */
  nameParts: string[];
  /** The bundled packs and their entries, so readers can switch packs off. */
  packs: { id: string; title: string; entryIds: string[] }[];
}

/**
 * Compiles entries for the extension. `wordNames` are the forms that are also everyday words or
 * first names: the build finds them with word lists (scripts/lib/name-risk.ts) and ships them in
 * the index, so a glossary compiled again in the worker (a pack switched off, a reader's own
 * glossary) treats them the same way.
 */
export function compileGlossary(
  entries: readonly Entry[],
  packs: CompiledGlossary["packs"] = [],
  wordNames: ReadonlySet<string> = new Set(),
  nameParts: ReadonlySet<string> = new Set(),
): CompiledGlossary {
  const matcher = compileMatcher(
    entries.map((e) => ({
      id: e.id,
      group: CATEGORIES.indexOf(e.category),
      forms: e.forms,
      shortForms: e.shortForms,
      // An office's titles are licensed by its country (or body) and its holders, as well as
      // by its own full forms: "the prime minister" needs "Britain" or a British premier's name.
      context: e.office
        ? [...e.context, e.office.of, ...e.office.holders.flatMap((h) => (h.entry ? [h.entry] : []))]
        : e.context,
      titles: e.office?.titles,
      wordNames: wordNames.size ? [...e.forms, ...e.shortForms].filter((f) => wordNames.has(f)) : [],
      nameParts: nameParts.size ? [...e.forms, ...e.shortForms].filter((f) => nameParts.has(f)) : [],
    })),
  );
  const household = entries.flatMap((e, i) => (e.familiarity === "household" ? [i] : []));
  const countryOf = countryPairs(entries, packs);
  const officeOf = entries.flatMap((e, i) => {
    const of = e.office ? entries.findIndex((x) => x.id === e.office?.of) : -1;
    return of >= 0 ? [i, of] : [];
  });
  return {
    format: 1,
    categories: CATEGORIES,
    entries: [...entries],
    matcher: serializeMatcher(matcher),
    household,
    countryOf,
    officeOf,
    wordNames: [...wordNames].sort(),
    nameParts: [...nameParts].sort(),
    packs,
  };
}

/** The pack of countries (generated from GeoNames): its entries are the countries. */
export const COUNTRIES_PACK = "countries";

function countryPairs(entries: readonly Entry[], packs: CompiledGlossary["packs"]): number[] {
  const index = new Map(entries.map((e, i) => [e.id, i]));
  const country = new Map<number, number>();
  for (const id of packs.find((p) => p.id === COUNTRIES_PACK)?.entryIds ?? []) {
    const i = index.get(id);
    if (i !== undefined) country.set(i, i);
  }
  for (const e of entries) {
    const of = e.office ? index.get(e.office.of) : undefined;
    if (!e.office || of === undefined) continue;
    // Not the office itself: its titles would vote for their own country.
    for (const holder of e.office.holders) {
      const h = holder.entry ? index.get(holder.entry) : undefined;
      if (h !== undefined) country.set(h, of);
    }
  }
  return [...country].sort((a, b) => a[0] - b[0]).flat();
}
