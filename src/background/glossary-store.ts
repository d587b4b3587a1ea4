import type { Entry } from "../glossary/schema.ts";
import {
  entriesInPackOrder,
  type GlossaryIndex,
  INDEX_FILE,
  PACKS_FILE,
  type PackList,
  SHARD_COUNT,
  shardFile,
  shardOf,
} from "../glossary/shards.ts";
import { ext } from "../shared/ext-api.ts";

/**
 * The bundled glossary, read lazily file by file (src/glossary/shards.ts): the index when a page
 * asks for its configuration, one shard per looked-up entry, everything only to switch packs
 * or export one. The worker may be stopped at any moment, so nothing else holds state; a
 * failed read is forgotten so that the next request tries again.
 */
const cache = new Map<string, Promise<unknown>>();

function readJson<T>(file: string): Promise<T> {
  let p = cache.get(file) as Promise<T> | undefined;
  if (!p) {
    p = fetch(ext().runtime.getURL(file))
      .then((r) => {
        if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
        return r.json() as Promise<T>;
      })
      .catch((error) => {
        cache.delete(file);
        throw error;
      });
    cache.set(file, p);
  }
  return p;
}

export const loadIndex = () => readJson<GlossaryIndex>(INDEX_FILE);
export const loadPacks = () => readJson<PackList>(PACKS_FILE);

/** The bundled entries with these ids (unknown ids are left out), reading only their shards. */
export async function lookupBundled(ids: readonly string[]): Promise<Entry[]> {
  const shards = await Promise.all(
    [...new Set(ids.map(shardOf))].map((s) => readJson<Entry[]>(shardFile(s)).then((list) => [s, list] as const)),
  );
  const byShard = new Map(shards);
  return ids.flatMap((id) => byShard.get(shardOf(id))?.find((e) => e.id === id) ?? []);
}

/** Every bundled entry, in the matcher's order (the packs' order). */
export async function loadAllBundled(): Promise<Entry[]> {
  const [packs, ...shards] = await Promise.all([
    loadPacks(),
    ...Array.from({ length: SHARD_COUNT }, (_, s) => readJson<Entry[]>(shardFile(s))),
  ]);
  return entriesInPackOrder(packs, shards);
}
