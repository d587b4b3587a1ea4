import { compileMatcher } from "../matcher/compile.ts";
import { type SerializedMatcher, serializeMatcher } from "../matcher/serialize.ts";
import { CATEGORIES, type Category, type Entry } from "./schema.ts";

/** The glossary as shipped in the extension: entries for cards, and the compiled matcher. */
export interface CompiledGlossary {
  format: 1;
  /** Matcher groups are indices into this list. */
  categories: readonly Category[];
  entries: Entry[];
  matcher: SerializedMatcher;
  /** Indices (into entries and the matcher) of household names, ascending. */
  household: number[];
  /** The bundled packs and their entries, so readers can switch packs off. */
  packs: { id: string; title: string; entryIds: string[] }[];
}

export function compileGlossary(entries: readonly Entry[], packs: CompiledGlossary["packs"] = []): CompiledGlossary {
  const matcher = compileMatcher(
    entries.map((e) => ({
      id: e.id,
      group: CATEGORIES.indexOf(e.category),
      forms: e.forms,
      shortForms: e.shortForms,
      context: e.context,
    })),
  );
  const household = entries.flatMap((e, i) => (e.familiarity === "household" ? [i] : []));
  return {
    format: 1,
    categories: CATEGORIES,
    entries: [...entries],
    matcher: serializeMatcher(matcher),
    household,
    packs,
  };
}
