import { type CompiledGlossary, compileGlossary } from "../glossary/compile.ts";
import type { Entry } from "../glossary/schema.ts";
import type { Settings } from "../shared/settings.ts";
import { loadGlossary } from "./glossary-store.ts";
import type { UserGlossary } from "./user-glossaries.ts";

export interface ActiveGlossary {
  compiled: CompiledGlossary;
  byId: Map<string, Entry>;
  /** Changes whenever the set of entries does: content scripts compare it to know when to re-read. */
  key: string;
}

let cached: { key: string; value: Promise<ActiveGlossary> } | null = null;

/**
 * The entries in force: the bundled packs the reader left on, then the reader's enabled
 * glossaries (an entry with a bundled entry's id replaces it). With nothing switched off and
 * no glossary of one's own, the matcher compiled at build time is used as it is.
 */
export function activeGlossary(settings: Settings, user: readonly UserGlossary[]): Promise<ActiveGlossary> {
  const enabledUser = user.filter((g) => g.enabled);
  const key = JSON.stringify([[...settings.disabledPacks].sort(), enabledUser.map((g) => `${g.id}@${g.importedAt}`)]);
  if (cached?.key !== key) cached = { key, value: build(key, settings, enabledUser) };
  return cached.value;
}

async function build(key: string, settings: Settings, user: readonly UserGlossary[]): Promise<ActiveGlossary> {
  const bundled = await loadGlossary();
  if (!settings.disabledPacks.length && !user.length) return { ...bundled, key };
  const off = new Set(
    bundled.compiled.packs.filter((p) => settings.disabledPacks.includes(p.id)).flatMap((p) => p.entryIds),
  );
  const byId = new Map<string, Entry>();
  for (const e of bundled.compiled.entries) if (!off.has(e.id)) byId.set(e.id, e);
  for (const g of user) for (const e of g.entries) byId.set(e.id, e);
  // An entry may name context or related ids that are now switched off: drop those links.
  const entries = [...byId.values()].map((e) => ({
    ...e,
    context: e.context.filter((id) => byId.has(id)),
    related: e.related.filter((id) => byId.has(id)),
  }));
  const compiled = compileGlossary(entries, bundled.compiled.packs);
  return { compiled, byId: new Map(entries.map((e) => [e.id, e])), key };
}
