import { compileGlossary } from "../glossary/compile.ts";
import type { Category, Entry } from "../glossary/schema.ts";
import { MATCHER_FILE } from "../glossary/shards.ts";
import { toBase64 } from "../matcher/serialize.ts";
import type { MatcherSource } from "../shared/protocol-types.ts";
import type { Settings } from "../shared/settings.ts";
import { loadAllBundled, loadIndex, loadPacks, lookupBundled } from "./glossary-store.ts";
import type { UserGlossary } from "./user-glossaries.ts";

export interface ActiveGlossary {
  matcher: MatcherSource;
  categories: readonly Category[];
  household: number[];
  countryOf: number[];
  officeOf: number[];
  /** The entries with these ids, in force now. */
  lookup(ids: readonly string[]): Promise<Entry[]>;
  /** Changes whenever the set of entries does: content scripts compare it to know when to re-read. */
  key: string;
}

let cached: { key: string; value: Promise<ActiveGlossary> } | null = null;

/**
 * The entries in force: the bundled packs the reader left on, then the reader's enabled
 * glossaries (an entry with a bundled entry's id replaces it). With nothing switched off and
 * no glossary of one's own — the usual case — the index compiled at build time is used as it
 * is and entries are read shard by shard; otherwise every entry is read and compiled once.
 */
export function activeGlossary(settings: Settings, user: readonly UserGlossary[]): Promise<ActiveGlossary> {
  const enabledUser = user.filter((g) => g.enabled);
  const key = JSON.stringify([[...settings.disabledPacks].sort(), enabledUser.map((g) => `${g.id}@${g.importedAt}`)]);
  if (cached?.key !== key) {
    const value = build(key, settings, enabledUser);
    cached = { key, value };
    value.catch(() => {
      if (cached?.value === value) cached = null; // let the next request try again
    });
  }
  return cached.value;
}

async function build(key: string, settings: Settings, user: readonly UserGlossary[]): Promise<ActiveGlossary> {
  if (!settings.disabledPacks.length && !user.length) {
    const { categories, household, countryOf, officeOf } = await loadIndex();
    return { matcher: { file: MATCHER_FILE }, categories, household, countryOf, officeOf, lookup: lookupBundled, key };
  }
  const [bundled, packs, index] = await Promise.all([loadAllBundled(), loadPacks(), loadIndex()]);
  const off = new Set(packs.filter((p) => settings.disabledPacks.includes(p.id)).flatMap((p) => p.entryIds));
  const byId = new Map<string, Entry>();
  for (const e of bundled) if (!off.has(e.id)) byId.set(e.id, e);
  for (const g of user) for (const e of g.entries) byId.set(e.id, e);
  // An entry may name context or related ids that are now switched off: drop those links.
  const entries = [...byId.values()].map((e) => ({
    ...e,
    context: e.context.filter((id) => byId.has(id)),
    related: e.related.filter((id) => byId.has(id)),
  }));
  const compiled = compileGlossary(entries, packs, new Set(index.wordNames), new Set(index.nameParts));
  const final = new Map(compiled.entries.map((e) => [e.id, e]));
  return {
    matcher: { base64: toBase64(compiled.matcher) },
    categories: compiled.categories,
    household: compiled.household,
    countryOf: compiled.countryOf,
    officeOf: compiled.officeOf,
    lookup: async (ids) => ids.flatMap((id) => final.get(id) ?? []),
    key,
  };
}
