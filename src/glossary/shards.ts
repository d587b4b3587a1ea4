import type { CompiledGlossary } from "./compile.ts";
import type { Category, Entry } from "./schema.ts";

/**
 * How the bundled glossary ships: the matcher as a binary file each tab reads itself
 * (src/matcher/serialize.ts), one small index the worker reads to configure a page (the
 * household entries, what it needs to compile again) and the entries in shards by a hash of their id,
 * so a card's lookup parses one shard of ~1/64 of the glossary instead of all of it. The
 * worker may be stopped and woken on every page; what it parses on waking is what a reader pays.
 */
export const SHARD_COUNT = 64;

export interface GlossaryIndex {
  format: 4;
  categories: readonly Category[];
  /** Matcher entry indices of household names: explained on hover, underlined only on request. */
  household: number[];
  /** [entry, country] pairs (CompiledGlossary.countryOf). */
  countryOf: number[];
  /** [office, country] pairs (CompiledGlossary.officeOf). */
  officeOf: number[];
  /** Forms that are also everyday words or first names, for compiling again in the worker. */
  wordNames: string[];
  /** One-word place names not matched before another capitalised word. */
  nameParts: string[];
}

/** The bundled packs and their entries in matcher order (read only to switch packs or export them). */
export type PackList = CompiledGlossary["packs"];

/** FNV-1a over the id's UTF-16 units: stable across builds and browsers. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % SHARD_COUNT;
}

export const shardFile = (shard: number) => `glossary/entries-${String(shard).padStart(2, "0")}.json`;
export const INDEX_FILE = "glossary/index.json";
/** Web-accessible (with a per-session URL in Chrome) so that a tab can read it as an ArrayBuffer. */
export const MATCHER_FILE = "glossary/matcher.bin";
export const PACKS_FILE = "glossary/packs.json";

/** Splits a compiled glossary into the files the extension ships (path → JSON text, or bytes). */
export function glossaryFiles(compiled: CompiledGlossary): Map<string, string | Uint8Array> {
  const index: GlossaryIndex = {
    format: 4,
    categories: compiled.categories,
    household: compiled.household,
    countryOf: compiled.countryOf,
    officeOf: compiled.officeOf,
    wordNames: compiled.wordNames,
    nameParts: compiled.nameParts,
  };
  const shards: Entry[][] = Array.from({ length: SHARD_COUNT }, () => []);
  for (const e of compiled.entries) shards[shardOf(e.id)].push(e);
  const files = new Map<string, string | Uint8Array>([
    [MATCHER_FILE, compiled.matcher],
    [INDEX_FILE, JSON.stringify(index)],
    [PACKS_FILE, JSON.stringify(compiled.packs)],
  ]);
  shards.forEach((entries, i) => {
    files.set(shardFile(i), JSON.stringify(entries));
  });
  return files;
}

/** All the shards' entries in the matcher's order, which is the packs' order. */
export function entriesInPackOrder(packs: PackList, shards: readonly (readonly Entry[])[]): Entry[] {
  const byId = new Map(shards.flat().map((e) => [e.id, e]));
  return packs.flatMap((p) => p.entryIds.flatMap((id) => byId.get(id) ?? []));
}
